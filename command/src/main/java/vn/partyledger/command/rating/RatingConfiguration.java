package vn.partyledger.command.rating;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.api.rules.rating.RatingRuleSets;

/**
 * Axon passes the rule sets to the {@link RatingRound} handlers; rounds are cached between commands and snapshotted
 * (docs/decisions/0013).
 */
@Configuration(proxyBeanMethods = false)
class RatingConfiguration {

    @Bean
    RatingRuleSets ratingRuleSets() {
        return RatingRuleSets.standard();
    }

    @Bean(destroyMethod = "close")
    CacheManager ratingRoundCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    /**
     * A round of a commune holds thousands of ratings, each with several events: without a cache every command on one
     * rating would replay the whole round, so adding a commune's roll one by one costs the square of its size. The
     * cache holds the rounds strongly (a weakly held round was collected between two commands and replayed anyway),
     * bounded by {@code ledger.cache.rating-rounds} rounds, least recently used out first. Axon evicts a round whose
     * unit of work rolls back and still appends with the round's sequence number, so a stale entry (another node
     * wrote to the round) ends in a 409 and is evicted, never in a lost or doubled event.
     */
    @Bean
    Cache ratingRoundCache(CacheManager ratingRoundCacheManager,
                           @Value("${ledger.cache.rating-rounds:200}") long rounds) {
        // Axon's adapter takes Ehcache's implementation type, which is what the manager creates.
        return new EhCache3Adapter((Ehcache<Object, Object>) ratingRoundCacheManager.createCache("rating-rounds",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(rounds))));
    }

    /**
     * After a restart, on another node or once the cache let a round go, the round is read from its latest snapshot
     * and the events after it instead of its whole stream: a snapshot every {@code ledger.snapshot.rating-round-events}
     * events.
     */
    @Bean
    SnapshotTriggerDefinition ratingRoundSnapshots(Snapshotter snapshotter,
                                                   @Value("${ledger.snapshot.rating-round-events:500}") int events) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, events);
    }
}
