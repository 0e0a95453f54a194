package vn.partyledger.ops.storage;

import org.axonframework.queryhandling.QueryBus;
import org.springframework.context.annotation.Configuration;

/** Every query handler runs inside {@link CustomPlans#read}. */
@Configuration(proxyBeanMethods = false)
class CustomPlanQueries {

    CustomPlanQueries(QueryBus queryBus, CustomPlans plans) {
        queryBus.registerHandlerInterceptor((unitOfWork, chain) -> plans.read(() -> {
            try {
                return chain.proceed();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // a query handler declares no checked exception; the bus would wrap one the same way
                throw new IllegalStateException(e);
            }
        }));
    }
}
