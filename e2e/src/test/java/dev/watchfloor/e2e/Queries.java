package dev.watchfloor.e2e;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of the mesh's database that the e2e tests check their figures with. */
final class Queries {

    private Queries() {
    }

    /**
     * Runs {@code sql}, whose one parameter is a text array of {@code ids}, and answers its rows as the first column
     * (text) to the second (a count or number).
     */
    static Map<String, Integer> byIds(String sql, List<String> ids) throws SQLException {
        try (Connection c = Mesh.get().sql(); PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", ids.toArray());
            s.setArray(1, array);
            Map<String, Integer> result = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getInt(2));
                }
            }
            return result;
        }
    }
}
