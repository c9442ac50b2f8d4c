package org.kpiledger.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the KPIs and strategies commands have loaded, so that the next command for the same one need not read its
 * whole event stream again: a KPI with years of corrections has hundreds of events, and without the cache every
 * write read them all. The least recently used of at most {@code kpi-ledger.aggregate-cache.entries} (10,000)
 * stay on the heap (Ehcache 3). Axon drops an entry whose command failed, so a refused command leaves no trace in
 * it. Another command-side process may append to a stream this one cached: an entry is used only while the store
 * holds nothing after it ({@link StoreCheckedAggregateCache}).
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager(@Value("${kpi-ledger.aggregate-cache.entries:10000}") long entries) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("aggregates", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class,
                        Object.class, ResourcePoolsBuilder.heap(entries)))
                .build(true);
    }

    @Bean
    Cache aggregateCache(CacheManager aggregateCacheManager, JdbcTemplate jdbc, TenantStreams streams) {
        // Axon's adapter takes Ehcache's implementation type, which every on-heap cache of this manager is
        return new StoreCheckedAggregateCache(new EhCache3Adapter(
                (Ehcache) aggregateCacheManager.getCache("aggregates", Object.class, Object.class)), jdbc, streams);
    }
}
