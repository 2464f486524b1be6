-- The audit log as evidence, frozen for migration v12-audit-chain: never edit.
-- Each row's hash is sip_sha256(the previous row's hash || ':' || its fields), the fields each as
-- SQLite's quote() writes them (so NULL, 12 and '12' differ), joined by ','; the first row's
-- previous hash is ''. sip_sha256 is the program's SQL function: lower-case hex SHA-256 of UTF-8.
ALTER TABLE auditLog ADD COLUMN hash TEXT;
DROP TRIGGER auditLog_noUpdate;
CREATE TEMP TABLE auditChainFill AS
WITH RECURSIVE chain(id, hash) AS (
    SELECT l.id, sip_sha256(':' || quote(l.id) || ',' || quote(l.at) || ',' || quote(l.user) || ','
        || quote(l.entity) || ',' || quote(l.entityId) || ',' || quote(l.action) || ',' || quote(l.detail))
    FROM auditLog l WHERE l.id = (SELECT MIN(id) FROM auditLog)
    UNION ALL
    SELECT l.id, sip_sha256(chain.hash || ':' || quote(l.id) || ',' || quote(l.at) || ',' || quote(l.user) || ','
        || quote(l.entity) || ',' || quote(l.entityId) || ',' || quote(l.action) || ',' || quote(l.detail))
    FROM chain JOIN auditLog l ON l.id = (SELECT MIN(id) FROM auditLog WHERE id > chain.id)
)
SELECT id, hash FROM chain;
UPDATE auditLog SET hash = (SELECT f.hash FROM auditChainFill f WHERE f.id = auditLog.id);
DROP TABLE auditChainFill;
CREATE TRIGGER auditLog_noUpdate BEFORE UPDATE ON auditLog
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
-- A row is only ever added at the end, with an id of its own and the chain's next hash: an INSERT
-- OR REPLACE (or any insert) naming an id that exists is refused here, before SQLite's REPLACE
-- would delete the old row (a delete trigger fires for that only with recursive_triggers on).
CREATE TRIGGER auditLog_appendOnly BEFORE INSERT ON auditLog
WHEN NEW.id IS NULL OR NEW.id <= IFNULL((SELECT MAX(id) FROM auditLog), 0)
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER auditLog_chain BEFORE INSERT ON auditLog
WHEN NEW.hash IS NOT sip_sha256(IFNULL((SELECT hash FROM auditLog ORDER BY id DESC LIMIT 1), '') || ':'
    || quote(NEW.id) || ',' || quote(NEW.at) || ',' || quote(NEW.user) || ',' || quote(NEW.entity) || ','
    || quote(NEW.entityId) || ',' || quote(NEW.action) || ',' || quote(NEW.detail))
BEGIN SELECT RAISE(ABORT, 'audit log row does not continue the hash chain'); END;
-- What a change changed is kept beside the log for the latest row only, once: never replaced.
CREATE TRIGGER auditDetail_appendOnly BEFORE INSERT ON auditDetail
WHEN NEW.auditId IS NOT (SELECT MAX(id) FROM auditLog)
    OR EXISTS (SELECT 1 FROM auditDetail d WHERE d.auditId = NEW.auditId)
BEGIN SELECT RAISE(ABORT, 'audit detail is append-only'); END;
