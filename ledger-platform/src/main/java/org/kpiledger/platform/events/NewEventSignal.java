package org.kpiledger.platform.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Tells the projections that events were committed, so that they read them at once instead of at their next poll.
 *
 * <p>In the process that committed them the signal is immediate. Other processes on the same database (a separate
 * query side) hear of it through PostgreSQL's {@code NOTIFY} on the channel {@value #CHANNEL}: one notifying thread
 * sends at most one notification at a time however many commits asked for it, so a busy writer pays about one
 * statement per batch of commits, not per commit; one listening thread holds a connection that listens.
 * A notification is a hint only: a processor that misses one still finds the events at its next poll (1 s).
 */
public class NewEventSignal implements SmartLifecycle {

    static final String CHANNEL = "kpi_ledger_events";
    private static final Logger LOG = LoggerFactory.getLogger(NewEventSignal.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Object monitor = new Object();
    private final AtomicBoolean notificationWanted = new AtomicBoolean();
    private long generation;
    private volatile boolean running;
    private Thread listener;
    private Thread notifier;

    public NewEventSignal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Events were committed in this process: wakes the projections here, and those of other processes. */
    public void committedHere() {
        wake();
        notificationWanted.set(true);
        synchronized (notificationWanted) {
            notificationWanted.notifyAll();
        }
    }

    /** A counter that moves each time events are known to have been committed; pass it to {@link #awaitAfter}. */
    public long generation() {
        synchronized (monitor) {
            return generation;
        }
    }

    /** Waits until the signal has moved past {@code seen}, or the time is up. */
    public void awaitAfter(long seen, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (monitor) {
            long left;
            while (generation == seen && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }

    private void wake() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = daemon("kpi-ledger-event-listener", this::listen);
        notifier = daemon("kpi-ledger-event-notifier", this::notifyOthers);
    }

    @Override
    public void stop() {
        running = false;
        listener.interrupt();
        notifier.interrupt();
        try {
            listener.join(2_000);
            notifier.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the event processors (which wait on it) and before the database. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = postgres.getNotifications(1_000);
                    if (notifications != null && notifications.length > 0) {
                        wake();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Listening for new events failed ({}); projections poll until it is back", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void notifyOthers() {
        while (running) {
            try {
                synchronized (notificationWanted) {
                    while (!notificationWanted.get()) {
                        notificationWanted.wait();
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            notificationWanted.set(false);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                statement.execute("notify " + CHANNEL);
            } catch (SQLException e) {
                if (running) {
                    LOG.debug("Could not notify other processes of new events: {}", e.getMessage());
                }
            }
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
