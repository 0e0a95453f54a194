package vn.partyledger.command.rating;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.api.rules.rating.RatingRuleSets;

/** Axon passes the rule sets to the {@link RatingRound} handlers; rounds are cached between commands. */
@Configuration(proxyBeanMethods = false)
class RatingConfiguration {

    @Bean
    RatingRuleSets ratingRuleSets() {
        return RatingRuleSets.standard();
    }

    /**
     * A round of a commune holds hundreds of ratings, each with several events: without a cache every command on one
     * rating would replay the whole round. Axon still appends with the aggregate's sequence number, so a stale entry
     * on another node ends in a 409, never in a lost event.
     */
    @Bean
    Cache ratingRoundCache() {
        return new WeakReferenceCache();
    }
}
