package io.github.camelokki.okki.internal.webhook;

/**
 * One entry of a push's {@code biz} list.
 *
 * @param type    the event type, e.g. {@code xiaoman.crm.company.update}
 * @param module  the subscription module, e.g. {@code crm.company} (the type without {@code xiaoman.} and the action)
 * @param action  the last part of the type: {@code create}, {@code update}, {@code delete} (or {@code test})
 * @param data    the {@code biz_data} as it came: a Map of the record's ids, or for the test callback whatever OKKI sent
 * @param index   the position of the entry in the push, from 0
 */
public record WebhookEvent(String type, String module, String action, Object data, int index) {

    /** The type of OKKI's test callback, sent by {@code webhook/test}. */
    public static final String TEST_TYPE = "xiaoman.open.callback.test";

    public static WebhookEvent of(String type, Object data, int index) {
        String t = type == null ? "" : type;
        String rest = t.startsWith("xiaoman.") ? t.substring("xiaoman.".length()) : t;
        int dot = rest.lastIndexOf('.');
        String module = dot < 0 ? rest : rest.substring(0, dot);
        String action = dot < 0 ? "" : rest.substring(dot + 1);
        return new WebhookEvent(t, module, action, data, index);
    }

    public boolean isTest() {
        return TEST_TYPE.equals(type);
    }

    public boolean isDelete() {
        return "delete".equals(action);
    }
}
