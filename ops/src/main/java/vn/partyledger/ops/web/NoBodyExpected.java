package vn.partyledger.ops.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An API command that takes no body (seal now, rotate the key) refuses one: whatever a client sent there was meant for
 * something, and acting while ignoring it would acknowledge what was never read.
 */
@Configuration(proxyBeanMethods = false)
class NoBodyExpected implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the access table: someone who may not call the endpoint learns that first
        registry.addInterceptor(this).addPathPatterns("/api/**").order(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (hasBody && handler instanceof HandlerMethod method && Arrays.stream(method.getMethodParameters())
                .noneMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
            throw new BadParameterException("body", "this endpoint takes no body");
        }
        return true;
    }
}
