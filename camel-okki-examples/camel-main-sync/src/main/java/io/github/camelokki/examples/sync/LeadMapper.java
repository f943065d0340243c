package io.github.camelokki.examples.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a CSV row ({@code name,country,contact,email}) into the body of OKKI's lead push: the lead with one contact.
 */
public class LeadMapper {

    public Map<String, Object> toLead(Map<String, String> row) {
        String name = row.get("name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the field name is empty; every lead needs one");
        }
        String email = row.get("email");
        if (email != null && !email.isBlank() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("the field email is not an e-mail address");
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", row.getOrDefault("contact", name));
        if (row.get("email") != null && !row.get("email").isBlank()) {
            contact.put("email", row.get("email"));
        }
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", name);
        if (row.get("country") != null && !row.get("country").isBlank()) {
            lead.put("country", row.get("country"));
        }
        lead.put("customers", List.of(contact));
        return lead;
    }
}
