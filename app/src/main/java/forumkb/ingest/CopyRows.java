package forumkb.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in text format: several times faster
 * than batched inserts for the many posts and entities of a chunk. It runs on the
 * connection of the current transaction, so it commits or rolls back with the chunk.
 */
final class CopyRows {

	private final String table;

	private final String columns;

	private final StringBuilder data = new StringBuilder(1 << 16);

	private int rows;

	CopyRows(String table, String columns) {
		this.table = table;
		this.columns = columns;
	}

	CopyRows row(Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				data.append('\t');
			}
			append(values[i]);
		}
		data.append('\n');
		rows++;
		return this;
	}

	void copy(DataSource dataSource) {
		if (rows == 0) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
		}
		catch (SQLException e) {
			throw new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("copy into " + table, sql, e);
		}
		catch (IOException e) {
			throw new DataAccessResourceFailureException("copy into " + table + " failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private void append(Object value) {
		if (value == null) {
			data.append("\\N");
			return;
		}
		String text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> data.append("\\\\");
				case '\t' -> data.append("\\t");
				case '\n' -> data.append("\\n");
				case '\r' -> data.append("\\r");
				default -> data.append(c);
			}
		}
	}

}
