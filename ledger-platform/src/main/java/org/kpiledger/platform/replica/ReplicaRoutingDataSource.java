package org.kpiledger.platform.replica;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The primary's data source, handing out a replica's connection while the thread reads from the replica. */
class ReplicaRoutingDataSource extends DelegatingDataSource implements AutoCloseable {

    private final DataSource replica;

    ReplicaRoutingDataSource(DataSource primary, DataSource replica) {
        super(primary);
        this.replica = replica;
    }

    /** Closes both pools with the application context, which closes the data source it knows. */
    @Override
    public void close() throws Exception {
        for (DataSource pool : new DataSource[] {replica, getTargetDataSource()}) {
            if (pool instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ReplicaReads.active() ? replica.getConnection() : super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return ReplicaReads.active() ? replica.getConnection(username, password)
                : super.getConnection(username, password);
    }
}
