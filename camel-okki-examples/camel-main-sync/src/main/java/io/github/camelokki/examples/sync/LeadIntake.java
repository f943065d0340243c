package io.github.camelokki.examples.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Creates the leads of one CSV file in OKKI, idempotently: every row is checked before anything is sent (a bad row
 * rejects the whole file, naming its line and field), and each row that was created is remembered in the database
 * (table okki_lead_intake, by a hash of its values), so dropping the same or a corrected file again creates only the
 * rows not created before.
 */
public class LeadIntake {

    /** Thrown for a file with a bad row; nothing of the file was sent. */
    public static final class RejectedFile extends IllegalArgumentException {
        RejectedFile(String message) {
            super(message);
        }

        /** The message says all there is: no stack trace for Camel's error log. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final DataSource database;
    private final LeadMapper mapper = new LeadMapper();
    private ProducerTemplate okki;

    public LeadIntake(DataSource database) {
        this.database = database;
    }

    /**
     * Creates the file's new leads.
     *
     * @return the summary line: how many leads were created and how many rows skipped as created before
     * @throws RejectedFile when a row is invalid (nothing is sent then)
     */
    public String intake(List<Map<String, String>> rows, Exchange file) throws SQLException {
        String name = file.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        List<Map<String, Object>> leads = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            try {
                leads.add(mapper.toLead(rows.get(i)));
            } catch (IllegalArgumentException bad) {
                // line 1 is the header
                throw new RejectedFile("Leads file " + name + " rejected, nothing was created: line " + (i + 2) + ": "
                        + bad.getMessage());
            }
        }
        int created = 0;
        int skipped = 0;
        for (int i = 0; i < rows.size(); i++) {
            String key = key(rows.get(i));
            if (createdBefore(key)) {
                skipped++;
                continue;
            }
            Map<?, ?> answer = okki(file.getContext()).requestBody("okki:lead/push", leads.get(i), Map.class);
            remember(key, answer.get("lead_id"), name);
            created++;
        }
        return "Leads file " + name + ": " + created + " created, " + skipped + " skipped as already created";
    }

    /** The row's identity: a hash of its values, trimmed and in lower case, so re-saving a file keeps it. */
    static String key(Map<String, String> row) {
        StringBuilder values = new StringBuilder();
        for (String field : List.of("name", "country", "contact", "email")) {
            String value = row.get(field);
            values.append(value == null ? "" : value.strip().toLowerCase(Locale.ROOT)).append('\u001f');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(values.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JVM", e);
        }
    }

    private boolean createdBefore(String key) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM okki_lead_intake WHERE row_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void remember(String key, Object leadId, String fileName) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO okki_lead_intake (row_key, lead_id, file_name) VALUES (?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, leadId == null ? null : String.valueOf(leadId));
            s.setString(3, fileName);
            s.executeUpdate();
        }
    }

    /** One template for the application's life; files are taken one at a time, by one thread. */
    private synchronized ProducerTemplate okki(CamelContext context) {
        if (okki == null) {
            okki = context.createProducerTemplate();
        }
        return okki;
    }
}
