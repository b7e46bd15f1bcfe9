package vn.dvcassistant.app.knowledge;

import java.sql.Connection;
import java.sql.SQLException;

/** A JDBC step inside a transaction, so the stores' SQL reads as straight code. */
@FunctionalInterface
interface Jdbc<T> {

    T run(Connection connection) throws SQLException;
}
