-- Tables the sync application writes; plain SQL that H2 and PostgreSQL both accept.
CREATE TABLE IF NOT EXISTS okki_company (
    company_id  BIGINT PRIMARY KEY,
    serial_id   VARCHAR(64),
    name        VARCHAR(512),
    country     VARCHAR(64),
    update_time VARCHAR(19),
    deleted     BOOLEAN
);
CREATE TABLE IF NOT EXISTS okki_order (
    order_id    BIGINT PRIMARY KEY,
    order_no    VARCHAR(64),
    amount      DECIMAL(18, 2),
    currency    VARCHAR(8),
    update_time VARCHAR(19),
    deleted     BOOLEAN
);
CREATE TABLE IF NOT EXISTS okki_event (
    message_id  VARCHAR(128),
    event_index INT,
    event_type  VARCHAR(128),
    record_ids  VARCHAR(1024),
    PRIMARY KEY (message_id, event_index)
);
-- With okki.sync.delivery-log = true, one row for every record version a sync route wrote, with the node that wrote it:
-- who synced what, and which records were written twice (after a node died mid-sync, say). Only ever appended to.
CREATE TABLE IF NOT EXISTS okki_delivery (
    listing      VARCHAR(32),
    record_id    BIGINT,
    update_time  VARCHAR(19),
    node_id      VARCHAR(128),
    delivered_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
-- The CSV rows already created as leads, by a hash of their values, so that a file dropped again creates nothing twice.
CREATE TABLE IF NOT EXISTS okki_lead_intake (
    row_key   VARCHAR(64) PRIMARY KEY,
    lead_id   VARCHAR(64),
    file_name VARCHAR(512)
);
-- The consumers' watermarks, as JdbcStateRepository creates the table, created here too so that a stop before the
-- first poll can tell that none is stored yet.
CREATE TABLE IF NOT EXISTS OKKI_STATE (
    STATE_KEY   VARCHAR(500) PRIMARY KEY,
    STATE_VALUE VARCHAR(500)
);
