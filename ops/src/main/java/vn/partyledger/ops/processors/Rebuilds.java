package vn.partyledger.ops.processors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.ops.storage.Convoy;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Blue/green rebuilds (docs/decisions/0015). A rebuild copies the shape of a processing group's tables into a schema of
 * its own and runs a second ("green") pooled processor over the same handler instances, whose every transaction starts
 * with {@code SET LOCAL search_path TO <schema>, public}: the handlers' unqualified SQL then writes the green tables,
 * while the live processor keeps writing and answering from {@code public}. The green processor has its own tokens and,
 * like the live one, its own dead-letter queue. Once it has caught up, one transaction moves the live tables into an
 * archive schema and the green ones into {@code public}, and hands the green tokens and dead letters to the live
 * processor name: readers see the old answer until that commit and the rebuilt one after it, never an empty table.
 *
 * <p>The command side's subscribing lookups have no tokens: they change inside each command's transaction. Their
 * switch locks the live tables, which holds back every command that reads or writes them, waits (bounded) until the
 * green processor has applied every stored event, and moves the tables in the same transaction, so no command's
 * write falls between the two sets.
 */
@Component
class Rebuilds {

    static final String SUFFIX = "@rebuild";
    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final Map<String, ReadModelTables> catalog = new LinkedHashMap<>();
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final WakingEventSource source;
    private final TransactionManager transactions;
    private final TransactionTemplate inTransaction;
    private final JdbcTemplate jdbc;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final Environment environment;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration switchWait;
    private final Map<String, Green> running = new ConcurrentHashMap<>();
    private final Map<String, ProcessorAdmin.ReplayProgress> switched = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(named("rebuild-watch"));

    Rebuilds(List<ReadModelTables> declared, EventProcessingConfiguration processing, EventStore eventStore,
             TransactionManager transactions, PlatformTransactionManager platform, JdbcTemplate jdbc,
             ConnectionProvider connections, Serializer serializer,
             @Qualifier("eventSerializer") Serializer eventSerializer, Environment environment, Clock clock,
             MeterRegistry meters, @Value("${ledger.rebuild.switch-wait:10s}") Duration switchWait,
             WakingEventSource source) {
        declared.forEach(m -> {
            if (catalog.put(m.processingGroup(), m) != null) {
                throw new IllegalStateException("two table sets declared for " + m.processingGroup());
            }
        });
        this.processing = processing;
        this.eventStore = eventStore;
        this.source = source;
        this.transactions = transactions;
        this.inTransaction = new TransactionTemplate(platform);
        this.jdbc = jdbc;
        this.connections = connections;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.environment = environment;
        this.clock = clock;
        this.meters = meters;
        this.switchWait = switchWait;
    }

    /** A green processor and what it is building. */
    private static final class Green {
        final ReadModelTables model;
        final String schema;
        final int fromVersion;
        final long startHead;
        final Instant startedAt;
        final TrackingEventProcessor processor;
        final DeadLetteringEventHandlerInvoker deadLetters;
        final SequencedDeadLetterQueue<EventMessage<?>> queue;
        /** Where this node's rate is measured from: the tail for a new rebuild, the first position seen on a resumed one. */
        volatile Long basePosition;
        volatile String problem;

        Green(ReadModelTables model, String schema, int fromVersion, long startHead, Instant startedAt,
              TrackingEventProcessor processor, DeadLetteringEventHandlerInvoker deadLetters,
              SequencedDeadLetterQueue<EventMessage<?>> queue, boolean resumed) {
            this.model = model;
            this.schema = schema;
            this.fromVersion = fromVersion;
            this.startHead = startHead;
            this.startedAt = startedAt;
            this.processor = processor;
            this.deadLetters = deadLetters;
            this.queue = queue;
            this.basePosition = resumed ? null : 0L;
        }

        String name() {
            return model.processingGroup();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        rebuildWhereVersionsDiffer();
        watcher.scheduleWithFixedDelay(this::watch, 250, 250, TimeUnit.MILLISECONDS);
    }

    /**
     * Resumes the rebuilds a stopped service left under way, starts one for every group whose declared version is above
     * the one recorded for its live tables, and records the version of tables no rebuild has built yet.
     */
    synchronized void rebuildWhereVersionsDiffer() {
        for (ReadModelTables model : catalog.values()) {
            String name = model.processingGroup();
            if (processing.eventProcessor(name).isEmpty()) {
                continue;
            }
            Map<String, Object> underWay = jdbc.queryForList(
                    "select version, schema_name, start_head from read_model_rebuild where read_model = ?", name)
                    .stream().findFirst().orElse(null);
            Optional<Integer> recorded = recordedVersion(name);
            if (running.containsKey(name)) {
                continue;
            }
            if (underWay != null && ((Number) underWay.get("version")).intValue() == model.version()) {
                log.info("Resuming the rebuild of {} (version {})", name, model.version());
                launch(model, (String) underWay.get("schema_name"), recorded.orElse(model.version()),
                        ((Number) underWay.get("start_head")).longValue(), true);
            } else if (underWay != null || recorded.map(v -> v < model.version()).orElse(false)) {
                log.warn("{}: declared version {} differs from the live tables' {}: rebuilding beside them", name,
                        model.version(), recorded.orElse(null));
                start(name);
            } else if (recorded.isEmpty()) {
                // The tables came from the migrations with this code: they are this version's.
                jdbc.update("insert into read_model_version (read_model, version) values (?, ?) on conflict do nothing",
                        name, model.version());
            } else if (recorded.get() > model.version()) {
                log.warn("{}: the live tables were built by version {}, newer than this code's {}; left as they are",
                        name, recorded.get(), model.version());
            }
        }
    }

    /** Starts a rebuild of {@code name} beside its live tables, or answers the progress of the one under way. */
    synchronized ProcessorAdmin.ReplayProgress start(String name) {
        EventProcessor live = processing.eventProcessor(name)
                .orElseThrow(() -> new UnknownResourceException("no event processor " + name));
        ReadModelTables model = catalog.get(name);
        if (model == null) {
            throw LedgerRefusalException.conflict(name + " declares no table set (ReadModelTables), so it cannot be "
                    + "rebuilt beside its live tables");
        }
        if (!(live instanceof AbstractEventProcessor)) {
            throw LedgerRefusalException.conflict(name + " is not a processor this service can rebuild");
        }
        Green underWay = running.get(name);
        if (underWay != null) {
            return progress(underWay);
        }
        String schema = "rebuild_" + name.replace('-', '_');
        long head = head();
        int from = recordedVersion(name).orElse(model.version());
        inTransaction.executeWithoutResult(tx -> {
            jdbc.update("delete from read_model_rebuild where read_model = ?", name);
            jdbc.execute("drop schema if exists " + schema + " cascade");
            jdbc.execute("create schema " + schema);
            for (String table : model.tables()) {
                copyShape(table, schema);
            }
            copyShape("projection_position", schema);
            jdbc.update("delete from tokenentry where processorname = ?", name + SUFFIX);
            // Letters of an abandoned rebuild (a version replaced before it switched) name a table set that is gone
            // and would hold this rebuild's sequences back; this rebuild applies their events again from the tail.
            int abandoned = jdbc.update("delete from deadletterentry where processinggroup = ?", name + SUFFIX);
            if (abandoned > 0) {
                log.warn("{}: {} dead letters of an abandoned rebuild removed; the new rebuild applies their events "
                        + "again", name, abandoned);
            }
            jdbc.update("insert into read_model_rebuild (read_model, version, schema_name, start_head) values (?, ?, ?, ?)",
                    name, model.version(), schema, head);
        });
        switched.remove(name);
        log.warn("Rebuilding {} (version {} over {}) into schema {} beside the live tables, up to position {} and on",
                name, model.version(), from, schema, head);
        return progress(launch(model, schema, from, head, false));
    }

    Optional<ProcessorAdmin.ReplayProgress> progress(String name) {
        Green g = running.get(name);
        return g != null ? Optional.of(progress(g)) : Optional.ofNullable(switched.get(name));
    }

    boolean rebuilding(String name) {
        return running.containsKey(name);
    }

    /** The green processors under way, by the name of the processing group they rebuild. */
    Map<String, StreamingEventProcessor> greenProcessors() {
        Map<String, StreamingEventProcessor> result = new LinkedHashMap<>();
        running.forEach((name, g) -> result.put(name, g.processor));
        return result;
    }

    /** Dead-letter queues of the green processors, by their processing group ({@code <name>@rebuild}). */
    Map<String, SequencedDeadLetterQueue<EventMessage<?>>> greenDeadLetterQueues() {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> result = new LinkedHashMap<>();
        running.forEach((name, g) -> {
            if (g.queue != null) {
                result.put(name + SUFFIX, g.queue);
            }
        });
        return result;
    }

    /** Retries a green dead-letter sequence against the green tables; empty when no green queue holds the event. */
    Optional<Boolean> retry(String eventIdentifier, java.util.function.Predicate<SequencedDeadLetterQueue<EventMessage<?>>> holds) {
        for (Green g : running.values()) {
            if (g.queue != null && holds.test(g.queue)) {
                return Optional.of(g.deadLetters.process(l -> l.message().getIdentifier().equals(eventIdentifier)));
            }
        }
        return Optional.empty();
    }

    long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
        running.values().forEach(g -> g.processor.shutDown());
    }

    private Green launch(ReadModelTables model, String schema, int fromVersion, long startHead, boolean resumed) {
        String name = model.processingGroup();
        AbstractEventProcessor live = (AbstractEventProcessor) processing.eventProcessor(name).orElseThrow();
        boolean lookup = !(live instanceof StreamingEventProcessor);
        TransactionManager green = () -> {
            Transaction tx = transactions.startTransaction();
            try {
                jdbc.execute("set local search_path to " + schema + ", public");
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            }
            return tx;
        };
        List<EventMessageHandler> handlers = RememberingHandler.remembering(handlers(live.eventHandlerInvoker()));
        EventHandlerInvoker invoker;
        DeadLetteringEventHandlerInvoker deadLetters = null;
        SequencedDeadLetterQueue<EventMessage<?>> queue = null;
        if (processing.deadLetterQueue(name).isPresent()) {
            queue = JdbcSequencedDeadLetterQueue.builder()
                    .processingGroup(name + SUFFIX)
                    .connectionProvider(connections)
                    .transactionManager(transactions)
                    .genericSerializer(serializer)
                    .eventSerializer(eventSerializer)
                    .build();
            deadLetters = DeadLetteringEventHandlerInvoker.builder()
                    .eventHandlers(handlers)
                    .sequencingPolicy(processing.sequencingPolicy(name))
                    .listenerInvocationErrorHandler(processing.listenerInvocationErrorHandler(name))
                    .queue(queue)
                    .enqueuePolicy(processing.deadLetterPolicy(name).orElse((letter, cause) -> Decisions.enqueue(cause)))
                    .transactionManager(green)
                    // As the live processors (dlq.cache.enabled): without it every event asked the queue whether its
                    // sequence was parked: a query per event, a tenth of the rebuild threads' samples in a profile.
                    .enableSequenceIdentifierCache()
                    .build();
            invoker = deadLetters;
        } else {
            // A command-side lookup parks nothing: a failing event stops its rebuild (retried, shown as an error)
            // rather than leave the lookup without it.
            invoker = SimpleEventHandlerInvoker.builder()
                    .eventHandlers(handlers)
                    .sequencingPolicy(processing.sequencingPolicy(name))
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .build();
        }
        String prefix = "axon.eventhandling.processors." + name + ".";
        // Lookups were built in commit order by one subscribing processor; one segment keeps that order.
        int segments = lookup ? 1 : environment.getProperty(prefix + "initial-segment-count", Integer.class, 1);
        int threads = lookup ? 1 : environment.getProperty(prefix + "thread-count", Integer.class, 1);
        // A tracking processor: each of its threads reads a batch and applies it, and reads the next as soon as the
        // batch is committed. A pooled one's coordinator waits 100 ms whenever its worker has 1,024 events queued,
        // which a rebuild's worker always has: on a 375,000-event ledger the meeting register's worker stood idle a
        // third of its rebuild. Its threads read the stream, so they travel in the store's convoy.
        TrackingEventProcessorConfiguration configuration = TrackingEventProcessorConfiguration
                .forParallelProcessing(threads)
                .andInitialSegmentsCount(segments)
                .andBatchSize(environment.getProperty(prefix + "batch-size", Integer.class, 100))
                .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                // how long a caught-up thread waits for new events before it looks at its state again: a switch stops
                // the processor, and waited that long for each read model, one after the other (1 s by default)
                .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS)
                .andThreadFactory(processorName -> named("rebuild-" + name, true));
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name + SUFFIX)
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageSource(source)
                .tokenStore(processing.tokenStore(name))
                .transactionManager(green)
                .messageMonitor(ProcessorMonitor.of(name + SUFFIX, meters, clock))
                .trackingEventProcessorConfiguration(configuration)
                .build();
        live.getHandlerInterceptors().forEach(processor::registerHandlerInterceptor);
        Green g = new Green(model, schema, fromVersion, startHead, clock.instant(), processor, deadLetters, queue,
                resumed);
        running.put(name, g);
        registerGauges(name);
        processor.start();
        return g;
    }

    private void watch() {
        for (Green g : running.values()) {
            try {
                if (caughtUp(g)) {
                    switchOver(g);
                }
            } catch (RuntimeException e) {
                g.problem = e.getMessage();
                log.warn("Rebuild of {}: the switch did not happen yet ({}); trying again", g.name(), e.getMessage());
            }
        }
    }

    /** Every segment of the green processor is at or past the head it started from and the live processor's position. */
    private boolean caughtUp(Green g) {
        OptionalLong green = position(g);
        if (green.isEmpty() || green.getAsLong() < g.startHead) {
            return false;
        }
        EventProcessor live = processing.eventProcessor(g.name()).orElseThrow();
        if (live instanceof StreamingEventProcessor streaming) {
            OptionalLong livePosition = minPosition(streaming.processingStatus().values());
            return livePosition.isEmpty() || green.getAsLong() >= livePosition.getAsLong();
        }
        return true;
    }

    /** The lowest position among the green segments, once every segment is claimed here and has one. */
    private OptionalLong position(Green g) {
        Collection<EventTrackerStatus> statuses = g.processor.processingStatus().values();
        int segments = processing.tokenStore(g.name()).fetchSegments(g.processor.getName()).length;
        if (statuses.isEmpty() || statuses.size() < segments
                || statuses.stream().anyMatch(s -> s.getCurrentPosition().isEmpty())) {
            return OptionalLong.empty();
        }
        return minPosition(statuses);
    }

    private synchronized void switchOver(Green g) {
        if (running.get(g.name()) != g) {
            return;
        }
        EventProcessor live = processing.eventProcessor(g.name()).orElseThrow();
        String archive = "archive_" + g.name().replace('-', '_') + "_v" + g.fromVersion + "_"
                + STAMP.format(clock.instant());
        if (live instanceof StreamingEventProcessor streaming) {
            streaming.shutDown();
            g.processor.shutDown();
            try {
                inTransaction.executeWithoutResult(tx -> moveTables(g, archive, true));
            } catch (RuntimeException e) {
                g.processor.start();
                throw e;
            } finally {
                streaming.start();
            }
        } else {
            boolean[] stopped = {false};
            try {
                inTransaction.executeWithoutResult(tx -> {
                    // Shorter than PostgreSQL's deadlock check (deadlock_timeout, 1 s by default): in a lock cycle
                    // with a command it is this switch that gives way and tries again, never the command.
                    jdbc.execute("set local lock_timeout = '500ms'");
                    jdbc.execute("lock table " + String.join(", ", g.model.tables().stream()
                            .map(t -> "public." + t).toList()) + " in access exclusive mode");
                    long head = head();
                    long deadline = System.nanoTime() + switchWait.toNanos();
                    while (!applied(g, head)) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("the rebuild did not reach position " + head + " within "
                                    + switchWait + " while commands waited");
                        }
                        sleep();
                    }
                    g.processor.shutDown();
                    stopped[0] = true;
                    moveTables(g, archive, false);
                });
            } catch (RuntimeException e) {
                if (stopped[0]) {
                    g.processor.start();
                }
                throw e;
            }
        }
        long head = head();
        switched.put(g.name(), new ProcessorAdmin.ReplayProgress(g.name(), "SWITCHED", g.fromVersion,
                g.model.version(), g.schema, archive, g.startedAt, g.startHead, head, head, head, head, 100.0, false,
                true, rate(g, head), 0L, clock.instant(), null));
        running.remove(g.name());
        log.warn("Rebuild of {} switched: version {} answers now; the previous tables are kept in schema {}",
                g.name(), g.model.version(), archive);
    }

    /**
     * The switch itself, in the caller's transaction: PostgreSQL's DDL is transactional, so readers see either the old
     * set or the new one. Dead letters parked against the old tables stay with them, under the archive's name.
     */
    private void moveTables(Green g, String archive, boolean copyTokens) {
        String name = g.name();
        String green = name + SUFFIX;
        jdbc.execute("create schema " + archive);
        for (String table : g.model.tables()) {
            jdbc.execute("alter table public." + table + " set schema " + archive);
        }
        for (String table : g.model.tables()) {
            jdbc.execute("alter table " + g.schema + "." + table + " set schema public");
        }
        jdbc.execute("create table " + archive + ".projection_position (like public.projection_position)");
        jdbc.update("insert into " + archive + ".projection_position select * from public.projection_position "
                + "where projection = ?", name);
        jdbc.update("delete from public.projection_position where projection = ?", name);
        jdbc.update("insert into public.projection_position (projection, position, updated_at) "
                + "select projection, position, updated_at from " + g.schema + ".projection_position "
                + "on conflict (projection) do update set position = excluded.position, updated_at = excluded.updated_at");
        jdbc.execute("drop schema " + g.schema + " cascade");
        if (copyTokens) {
            jdbc.update("delete from tokenentry where processorname = ?", name);
            jdbc.update("insert into tokenentry (processorname, segment, token, tokentype, timestamp, owner) "
                    + "select ?, segment, token, tokentype, timestamp, null from tokenentry where processorname = ?",
                    name, green);
        }
        jdbc.update("delete from tokenentry where processorname = ?", green);
        jdbc.update("update deadletterentry set processinggroup = ? where processinggroup = ?", archive, name);
        jdbc.update("update deadletterentry set processinggroup = ? where processinggroup = ?", name, green);
        jdbc.update("insert into read_model_version (read_model, version) values (?, ?) on conflict (read_model) "
                + "do update set version = excluded.version, built_at = now()", name, g.model.version());
        jdbc.update("insert into read_model_archive (schema_name, read_model, version, replaced_by) values (?, ?, ?, ?)",
                archive, name, g.fromVersion, g.model.version());
        jdbc.update("delete from read_model_rebuild where read_model = ?", name);
    }

    /**
     * Creates {@code schema.table} with the columns, defaults, checks, keys and indexes of {@code public.table}, under
     * the same index and constraint names (so later migrations that name them still find them after a switch), and a
     * sequence of its own for each serial column.
     */
    private void copyShape(String table, String schema) {
        String target = schema + "." + table;
        jdbc.execute("create table " + target + " (like public." + table
                + " including defaults including constraints including storage including comments)");
        for (Map<String, Object> serial : jdbc.queryForList("""
                select column_name, pg_get_serial_sequence('public.' || table_name, column_name) as seq
                  from information_schema.columns
                 where table_schema = 'public' and table_name = ? and column_default like 'nextval(%'""", table)) {
            String column = (String) serial.get("column_name");
            String sequence = schema + "." + ((String) serial.get("seq")).replaceFirst("^.*\\.", "");
            jdbc.execute("create sequence " + sequence);
            jdbc.execute("alter table " + target + " alter column " + column + " set default nextval('" + sequence + "')");
            jdbc.execute("alter sequence " + sequence + " owned by " + target + "." + column);
        }
        List<String> constraintIndexes = new ArrayList<>();
        for (Map<String, Object> c : jdbc.queryForList("""
                select conname, pg_get_constraintdef(oid) as def from pg_constraint
                 where conrelid = ('public.' || ?)::regclass and contype in ('p', 'u', 'x')""", table)) {
            constraintIndexes.add((String) c.get("conname"));
            jdbc.execute("alter table " + target + " add constraint " + c.get("conname") + " " + c.get("def"));
        }
        for (Map<String, Object> index : jdbc.queryForList(
                "select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = ?", table)) {
            if (!constraintIndexes.contains((String) index.get("indexname"))) {
                jdbc.execute(((String) index.get("indexdef")).replace(" ON public." + table + " ", " ON " + target + " "));
            }
        }
    }

    /** Every green segment is at or past {@code head} and none of its gaps at or below it holds a stored event. */
    private boolean applied(Green g, long head) {
        Set<Long> gaps = new TreeSet<>();
        Collection<EventTrackerStatus> statuses = g.processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus status : statuses) {
            TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
            if (!ReadYourWrites.covers(token, head)) {
                return false;
            }
            if (token instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps().headSet(head + 1));
            }
        }
        return gaps.isEmpty() || !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domainevententry where globalindex = any (?))", Boolean.class,
                (Object) gaps.toArray(new Long[0])));
    }

    private ProcessorAdmin.ReplayProgress progress(Green g) {
        long head = head();
        long position = position(g).orElse(-1);
        if (position >= 0 && g.basePosition == null) {
            g.basePosition = position;
        }
        long done = Math.max(position, 0);
        double percent = head <= 0 ? 100.0 : Math.min(100.0, 100.0 * done / head);
        Double rate = rate(g, position);
        Long eta = rate == null || rate <= 0 ? null : (long) Math.ceil(Math.max(0, head - done) / rate);
        String problem = g.processor.isError() ? "the rebuild is retrying after an error; see the log" : g.problem;
        return new ProcessorAdmin.ReplayProgress(g.name(), "REBUILDING", g.fromVersion, g.model.version(), g.schema,
                null, g.startedAt, g.startHead, head, position, done, head, percent, true, false, rate, eta, null,
                problem);
    }

    /** Events per second since this node started (or resumed) the rebuild. */
    private Double rate(Green g, long position) {
        Long base = g.basePosition;
        if (base == null || position <= base) {
            return null;
        }
        double seconds = Math.max(0.001, Duration.between(g.startedAt, clock.instant()).toMillis() / 1000.0);
        return (position - base) / seconds;
    }

    private void registerGauges(String name) {
        if (!gauged.add(name)) {
            return;
        }
        gauge("ledger.rebuild.done", name, "positions of the event store a rebuild has applied", p -> p.done());
        gauge("ledger.rebuild.target", name, "positions a rebuild has to reach (the store's head)", p -> p.total());
        gauge("ledger.rebuild.rate", name, "events per second a rebuild applies",
                p -> p.eventsPerSecond() == null ? Double.NaN : p.eventsPerSecond());
        gauge("ledger.rebuild.eta", name, "seconds until a rebuild has caught up, at its current rate",
                p -> p.etaSeconds() == null ? Double.NaN : p.etaSeconds());
        gauge("ledger.replay.progress", name, "share of the event store a rebuild has applied (1 once switched)",
                p -> p.percent() / 100.0);
    }

    private void gauge(String meter, String name, String description,
                       ToDoubleFunction<ProcessorAdmin.ReplayProgress> value) {
        Gauge.builder(meter, () -> progress(name).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("processor", name).description(description).register(meters);
    }

    private Optional<Integer> recordedVersion(String name) {
        return jdbc.queryForList("select version from read_model_version where read_model = ?", Integer.class, name)
                .stream().findFirst();
    }

    static OptionalLong minPosition(Collection<EventTrackerStatus> statuses) {
        return statuses.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
    }

    private static List<EventMessageHandler> handlers(EventHandlerInvoker invoker) {
        List<EventMessageHandler> result = new ArrayList<>();
        if (invoker instanceof RememberingInvoker remembering) {
            result.addAll(handlers(remembering.delegate()));
        } else if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(d -> result.addAll(handlers(d)));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            result.addAll(simple.eventHandlers());
        } else {
            throw new IllegalStateException("cannot rebuild handlers invoked by " + invoker.getClass().getName());
        }
        return result;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rebuild to catch up", e);
        }
    }

    private static ThreadFactory named(String prefix) {
        return named(prefix, false);
    }

    /** Threads named {@code prefix-n}; with {@code convoy}, members of the store's {@link Convoy}. */
    private static ThreadFactory named(String prefix, boolean convoy) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(convoy ? Convoy.joining(r) : r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

}
