-- Generated from ReviewTally.sources by ReviewTally.installSQL and frozen: never edit this file.
-- A changed figure gets a new migration and a new file.

CREATE TABLE reviewTally (
    busGroupId INTEGER NOT NULL,
    figure TEXT NOT NULL,
    bucket TEXT NOT NULL,
    item TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (busGroupId, figure, bucket, item)
) WITHOUT ROWID;

CREATE TRIGGER reviewTally_plan_insert AFTER INSERT ON "plan" BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, 1
FROM (SELECT 'open' AS figure, NEW.busGroupId AS grp, '' AS bucket, NEW.status AS item WHERE NEW.status <> 'closed' UNION ALL SELECT 'started' AS figure, NEW.busGroupId AS grp, NEW.requestDate AS bucket, '' AS item WHERE 1 UNION ALL SELECT 'followUp' AS figure, NEW.busGroupId AS grp, NEW.followUpDate AS bucket, '' AS item WHERE NEW.status <> 'closed' AND NEW.followUpDate IS NOT NULL UNION ALL SELECT 'child' AS figure, NEW.busGroupId AS grp, c.birthDate AS bucket, c.sex AS item FROM child c WHERE c.id = NEW.childId AND NEW.status <> 'closed' UNION ALL SELECT 'owed' AS figure, NEW.busGroupId AS grp, i.dueDate AS bucket, '' AS item FROM intervention i WHERE i.planId = NEW.id AND i.status IN ('planned','ongoing') AND NEW.status <> 'closed' UNION ALL SELECT 'firstMeetingDue' AS figure, NEW.busGroupId AS grp, NEW.consentSince AS bucket, '' AS item WHERE NEW.status IN ('draft','invited') AND NEW.consentSince IS NOT NULL AND NOT NEW.meetingHeld) AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reviewTally_plan_delete BEFORE DELETE ON "plan" BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, -1
FROM (SELECT 'open' AS figure, OLD.busGroupId AS grp, '' AS bucket, OLD.status AS item WHERE OLD.status <> 'closed' UNION ALL SELECT 'started' AS figure, OLD.busGroupId AS grp, OLD.requestDate AS bucket, '' AS item WHERE 1 UNION ALL SELECT 'followUp' AS figure, OLD.busGroupId AS grp, OLD.followUpDate AS bucket, '' AS item WHERE OLD.status <> 'closed' AND OLD.followUpDate IS NOT NULL UNION ALL SELECT 'child' AS figure, OLD.busGroupId AS grp, c.birthDate AS bucket, c.sex AS item FROM child c WHERE c.id = OLD.childId AND OLD.status <> 'closed' UNION ALL SELECT 'owed' AS figure, OLD.busGroupId AS grp, i.dueDate AS bucket, '' AS item FROM intervention i WHERE i.planId = OLD.id AND i.status IN ('planned','ongoing') AND OLD.status <> 'closed' UNION ALL SELECT 'firstMeetingDue' AS figure, OLD.busGroupId AS grp, OLD.consentSince AS bucket, '' AS item WHERE OLD.status IN ('draft','invited') AND OLD.consentSince IS NOT NULL AND NOT OLD.meetingHeld) AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reviewTally_plan_update AFTER UPDATE OF id, busGroupId, status, requestDate, followUpDate, childId, consentSince, meetingHeld ON "plan" WHEN OLD.id IS NOT NEW.id OR OLD.busGroupId IS NOT NEW.busGroupId OR OLD.status IS NOT NEW.status OR OLD.requestDate IS NOT NEW.requestDate OR OLD.followUpDate IS NOT NEW.followUpDate OR OLD.childId IS NOT NEW.childId OR OLD.consentSince IS NOT NEW.consentSince OR OLD.meetingHeld IS NOT NEW.meetingHeld BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, -1
FROM (SELECT 'open' AS figure, OLD.busGroupId AS grp, '' AS bucket, OLD.status AS item WHERE OLD.status <> 'closed' UNION ALL SELECT 'started' AS figure, OLD.busGroupId AS grp, OLD.requestDate AS bucket, '' AS item WHERE 1 UNION ALL SELECT 'followUp' AS figure, OLD.busGroupId AS grp, OLD.followUpDate AS bucket, '' AS item WHERE OLD.status <> 'closed' AND OLD.followUpDate IS NOT NULL UNION ALL SELECT 'child' AS figure, OLD.busGroupId AS grp, c.birthDate AS bucket, c.sex AS item FROM child c WHERE c.id = OLD.childId AND OLD.status <> 'closed' UNION ALL SELECT 'owed' AS figure, OLD.busGroupId AS grp, i.dueDate AS bucket, '' AS item FROM intervention i WHERE i.planId = OLD.id AND i.status IN ('planned','ongoing') AND OLD.status <> 'closed' UNION ALL SELECT 'firstMeetingDue' AS figure, OLD.busGroupId AS grp, OLD.consentSince AS bucket, '' AS item WHERE OLD.status IN ('draft','invited') AND OLD.consentSince IS NOT NULL AND NOT OLD.meetingHeld) AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, 1
FROM (SELECT 'open' AS figure, NEW.busGroupId AS grp, '' AS bucket, NEW.status AS item WHERE NEW.status <> 'closed' UNION ALL SELECT 'started' AS figure, NEW.busGroupId AS grp, NEW.requestDate AS bucket, '' AS item WHERE 1 UNION ALL SELECT 'followUp' AS figure, NEW.busGroupId AS grp, NEW.followUpDate AS bucket, '' AS item WHERE NEW.status <> 'closed' AND NEW.followUpDate IS NOT NULL UNION ALL SELECT 'child' AS figure, NEW.busGroupId AS grp, c.birthDate AS bucket, c.sex AS item FROM child c WHERE c.id = NEW.childId AND NEW.status <> 'closed' UNION ALL SELECT 'owed' AS figure, NEW.busGroupId AS grp, i.dueDate AS bucket, '' AS item FROM intervention i WHERE i.planId = NEW.id AND i.status IN ('planned','ongoing') AND NEW.status <> 'closed' UNION ALL SELECT 'firstMeetingDue' AS figure, NEW.busGroupId AS grp, NEW.consentSince AS bucket, '' AS item WHERE NEW.status IN ('draft','invited') AND NEW.consentSince IS NOT NULL AND NOT NEW.meetingHeld) AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reviewTally_intervention_insert AFTER INSERT ON "intervention" BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, 1
FROM (SELECT 'owed' AS figure, p.busGroupId AS grp, NEW.dueDate AS bucket, '' AS item FROM "plan" p WHERE p.id = NEW.planId AND NEW.status IN ('planned','ongoing') AND p.status <> 'closed') AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reviewTally_intervention_delete BEFORE DELETE ON "intervention" BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, -1
FROM (SELECT 'owed' AS figure, p.busGroupId AS grp, OLD.dueDate AS bucket, '' AS item FROM "plan" p WHERE p.id = OLD.planId AND OLD.status IN ('planned','ongoing') AND p.status <> 'closed') AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reviewTally_intervention_update AFTER UPDATE OF planId, status, dueDate ON "intervention" WHEN OLD.planId IS NOT NEW.planId OR OLD.status IS NOT NEW.status OR OLD.dueDate IS NOT NEW.dueDate BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, -1
FROM (SELECT 'owed' AS figure, p.busGroupId AS grp, OLD.dueDate AS bucket, '' AS item FROM "plan" p WHERE p.id = OLD.planId AND OLD.status IN ('planned','ongoing') AND p.status <> 'closed') AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, 1
FROM (SELECT 'owed' AS figure, p.busGroupId AS grp, NEW.dueDate AS bucket, '' AS item FROM "plan" p WHERE p.id = NEW.planId AND NEW.status IN ('planned','ongoing') AND p.status <> 'closed') AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reviewTally_child_update AFTER UPDATE OF id, sex, birthDate ON "child" WHEN OLD.id IS NOT NEW.id OR OLD.sex IS NOT NEW.sex OR OLD.birthDate IS NOT NEW.birthDate BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, -1
FROM (SELECT 'child' AS figure, p.busGroupId AS grp, OLD.birthDate AS bucket, OLD.sex AS item FROM "plan" p WHERE p.childId = OLD.id AND p.status <> 'closed') AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, 1
FROM (SELECT 'child' AS figure, p.busGroupId AS grp, NEW.birthDate AS bucket, NEW.sex AS item FROM "plan" p WHERE p.childId = NEW.id AND p.status <> 'closed') AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reviewTally_deviation_insert AFTER INSERT ON "deviation" BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, 1
FROM (SELECT 'unanswered' AS figure, NEW.busGroupId AS grp, NEW.responseDue AS bucket, '' AS item WHERE NEW.status IN ('registered','sent') UNION ALL SELECT 'deviation-kind-month' AS figure, NEW.busGroupId AS grp, substr(NEW.occurredOn, 1, 7) AS bucket, NEW.kind AS item WHERE 1 UNION ALL SELECT 'deviation-concerned-month' AS figure, NEW.busGroupId AS grp, substr(NEW.occurredOn, 1, 7) AS bucket, NEW.concernedAgencyId AS item WHERE 1 UNION ALL SELECT 'deviation-status-month' AS figure, NEW.busGroupId AS grp, substr(NEW.occurredOn, 1, 7) AS bucket, NEW.status AS item WHERE 1 UNION ALL SELECT 'deviation-days-month' AS figure, NEW.busGroupId AS grp, substr(NEW.occurredOn, 1, 7) AS bucket, CAST(julianday(NEW.responseDate) - julianday(NEW.occurredOn) AS INTEGER) AS item WHERE NEW.responseDate IS NOT NULL UNION ALL SELECT 'deviation-kind-day' AS figure, NEW.busGroupId AS grp, NEW.occurredOn AS bucket, NEW.kind AS item WHERE 1 UNION ALL SELECT 'deviation-concerned-day' AS figure, NEW.busGroupId AS grp, NEW.occurredOn AS bucket, NEW.concernedAgencyId AS item WHERE 1 UNION ALL SELECT 'deviation-status-day' AS figure, NEW.busGroupId AS grp, NEW.occurredOn AS bucket, NEW.status AS item WHERE 1 UNION ALL SELECT 'deviation-days-day' AS figure, NEW.busGroupId AS grp, NEW.occurredOn AS bucket, CAST(julianday(NEW.responseDate) - julianday(NEW.occurredOn) AS INTEGER) AS item WHERE NEW.responseDate IS NOT NULL) AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reviewTally_deviation_delete BEFORE DELETE ON "deviation" BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, -1
FROM (SELECT 'unanswered' AS figure, OLD.busGroupId AS grp, OLD.responseDue AS bucket, '' AS item WHERE OLD.status IN ('registered','sent') UNION ALL SELECT 'deviation-kind-month' AS figure, OLD.busGroupId AS grp, substr(OLD.occurredOn, 1, 7) AS bucket, OLD.kind AS item WHERE 1 UNION ALL SELECT 'deviation-concerned-month' AS figure, OLD.busGroupId AS grp, substr(OLD.occurredOn, 1, 7) AS bucket, OLD.concernedAgencyId AS item WHERE 1 UNION ALL SELECT 'deviation-status-month' AS figure, OLD.busGroupId AS grp, substr(OLD.occurredOn, 1, 7) AS bucket, OLD.status AS item WHERE 1 UNION ALL SELECT 'deviation-days-month' AS figure, OLD.busGroupId AS grp, substr(OLD.occurredOn, 1, 7) AS bucket, CAST(julianday(OLD.responseDate) - julianday(OLD.occurredOn) AS INTEGER) AS item WHERE OLD.responseDate IS NOT NULL UNION ALL SELECT 'deviation-kind-day' AS figure, OLD.busGroupId AS grp, OLD.occurredOn AS bucket, OLD.kind AS item WHERE 1 UNION ALL SELECT 'deviation-concerned-day' AS figure, OLD.busGroupId AS grp, OLD.occurredOn AS bucket, OLD.concernedAgencyId AS item WHERE 1 UNION ALL SELECT 'deviation-status-day' AS figure, OLD.busGroupId AS grp, OLD.occurredOn AS bucket, OLD.status AS item WHERE 1 UNION ALL SELECT 'deviation-days-day' AS figure, OLD.busGroupId AS grp, OLD.occurredOn AS bucket, CAST(julianday(OLD.responseDate) - julianday(OLD.occurredOn) AS INTEGER) AS item WHERE OLD.responseDate IS NOT NULL) AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reviewTally_deviation_update AFTER UPDATE OF busGroupId, occurredOn, kind, concernedAgencyId, status, responseDate, responseDue ON "deviation" WHEN OLD.busGroupId IS NOT NEW.busGroupId OR OLD.occurredOn IS NOT NEW.occurredOn OR OLD.kind IS NOT NEW.kind OR OLD.concernedAgencyId IS NOT NEW.concernedAgencyId OR OLD.status IS NOT NEW.status OR OLD.responseDate IS NOT NEW.responseDate OR OLD.responseDue IS NOT NEW.responseDue BEGIN
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, -1
FROM (SELECT 'unanswered' AS figure, OLD.busGroupId AS grp, OLD.responseDue AS bucket, '' AS item WHERE OLD.status IN ('registered','sent') UNION ALL SELECT 'deviation-kind-month' AS figure, OLD.busGroupId AS grp, substr(OLD.occurredOn, 1, 7) AS bucket, OLD.kind AS item WHERE 1 UNION ALL SELECT 'deviation-concerned-month' AS figure, OLD.busGroupId AS grp, substr(OLD.occurredOn, 1, 7) AS bucket, OLD.concernedAgencyId AS item WHERE 1 UNION ALL SELECT 'deviation-status-month' AS figure, OLD.busGroupId AS grp, substr(OLD.occurredOn, 1, 7) AS bucket, OLD.status AS item WHERE 1 UNION ALL SELECT 'deviation-days-month' AS figure, OLD.busGroupId AS grp, substr(OLD.occurredOn, 1, 7) AS bucket, CAST(julianday(OLD.responseDate) - julianday(OLD.occurredOn) AS INTEGER) AS item WHERE OLD.responseDate IS NOT NULL UNION ALL SELECT 'deviation-kind-day' AS figure, OLD.busGroupId AS grp, OLD.occurredOn AS bucket, OLD.kind AS item WHERE 1 UNION ALL SELECT 'deviation-concerned-day' AS figure, OLD.busGroupId AS grp, OLD.occurredOn AS bucket, OLD.concernedAgencyId AS item WHERE 1 UNION ALL SELECT 'deviation-status-day' AS figure, OLD.busGroupId AS grp, OLD.occurredOn AS bucket, OLD.status AS item WHERE 1 UNION ALL SELECT 'deviation-days-day' AS figure, OLD.busGroupId AS grp, OLD.occurredOn AS bucket, CAST(julianday(OLD.responseDate) - julianday(OLD.occurredOn) AS INTEGER) AS item WHERE OLD.responseDate IS NOT NULL) AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT CASE WHEN level.whole THEN 0 ELSE x.grp END, x.figure, x.bucket, x.item, 1
FROM (SELECT 'unanswered' AS figure, NEW.busGroupId AS grp, NEW.responseDue AS bucket, '' AS item WHERE NEW.status IN ('registered','sent') UNION ALL SELECT 'deviation-kind-month' AS figure, NEW.busGroupId AS grp, substr(NEW.occurredOn, 1, 7) AS bucket, NEW.kind AS item WHERE 1 UNION ALL SELECT 'deviation-concerned-month' AS figure, NEW.busGroupId AS grp, substr(NEW.occurredOn, 1, 7) AS bucket, NEW.concernedAgencyId AS item WHERE 1 UNION ALL SELECT 'deviation-status-month' AS figure, NEW.busGroupId AS grp, substr(NEW.occurredOn, 1, 7) AS bucket, NEW.status AS item WHERE 1 UNION ALL SELECT 'deviation-days-month' AS figure, NEW.busGroupId AS grp, substr(NEW.occurredOn, 1, 7) AS bucket, CAST(julianday(NEW.responseDate) - julianday(NEW.occurredOn) AS INTEGER) AS item WHERE NEW.responseDate IS NOT NULL UNION ALL SELECT 'deviation-kind-day' AS figure, NEW.busGroupId AS grp, NEW.occurredOn AS bucket, NEW.kind AS item WHERE 1 UNION ALL SELECT 'deviation-concerned-day' AS figure, NEW.busGroupId AS grp, NEW.occurredOn AS bucket, NEW.concernedAgencyId AS item WHERE 1 UNION ALL SELECT 'deviation-status-day' AS figure, NEW.busGroupId AS grp, NEW.occurredOn AS bucket, NEW.status AS item WHERE 1 UNION ALL SELECT 'deviation-days-day' AS figure, NEW.busGroupId AS grp, NEW.occurredOn AS bucket, CAST(julianday(NEW.responseDate) - julianday(NEW.occurredOn) AS INTEGER) AS item WHERE NEW.responseDate IS NOT NULL) AS x, (SELECT 1 AS whole UNION ALL SELECT 0) AS level
WHERE level.whole OR x.grp IS NOT NULL ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
END;

DELETE FROM reviewTally;

WITH source AS MATERIALIZED (SELECT id, busGroupId, status, requestDate, followUpDate, childId, consentSince, meetingHeld FROM "plan")
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT IFNULL(x.grp, 0), x.figure, x.bucket, x.item, COUNT(*)
FROM (SELECT 'open' AS figure, r.busGroupId AS grp, '' AS bucket, r.status AS item FROM source AS r WHERE r.status <> 'closed' UNION ALL SELECT 'started' AS figure, r.busGroupId AS grp, r.requestDate AS bucket, '' AS item FROM source AS r WHERE 1 UNION ALL SELECT 'followUp' AS figure, r.busGroupId AS grp, r.followUpDate AS bucket, '' AS item FROM source AS r WHERE r.status <> 'closed' AND r.followUpDate IS NOT NULL UNION ALL SELECT 'child' AS figure, r.busGroupId AS grp, c.birthDate AS bucket, c.sex AS item FROM source AS r, child c WHERE c.id = r.childId AND r.status <> 'closed' UNION ALL SELECT 'firstMeetingDue' AS figure, r.busGroupId AS grp, r.consentSince AS bucket, '' AS item FROM source AS r WHERE r.status IN ('draft','invited') AND r.consentSince IS NOT NULL AND NOT r.meetingHeld) AS x WHERE 1 GROUP BY 1, 2, 3, 4 ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;

WITH source AS MATERIALIZED (SELECT planId, status, dueDate FROM "intervention")
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT IFNULL(x.grp, 0), x.figure, x.bucket, x.item, COUNT(*)
FROM (SELECT 'owed' AS figure, p.busGroupId AS grp, r.dueDate AS bucket, '' AS item FROM source AS r, "plan" p WHERE p.id = r.planId AND r.status IN ('planned','ongoing') AND p.status <> 'closed') AS x WHERE 1 GROUP BY 1, 2, 3, 4 ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;

WITH source AS MATERIALIZED (SELECT busGroupId, occurredOn, kind, concernedAgencyId, status, responseDate, responseDue FROM "deviation")
INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT IFNULL(x.grp, 0), x.figure, x.bucket, x.item, COUNT(*)
FROM (SELECT 'unanswered' AS figure, r.busGroupId AS grp, r.responseDue AS bucket, '' AS item FROM source AS r WHERE r.status IN ('registered','sent') UNION ALL SELECT 'deviation-kind-month' AS figure, r.busGroupId AS grp, substr(r.occurredOn, 1, 7) AS bucket, r.kind AS item FROM source AS r WHERE 1 UNION ALL SELECT 'deviation-concerned-month' AS figure, r.busGroupId AS grp, substr(r.occurredOn, 1, 7) AS bucket, r.concernedAgencyId AS item FROM source AS r WHERE 1 UNION ALL SELECT 'deviation-status-month' AS figure, r.busGroupId AS grp, substr(r.occurredOn, 1, 7) AS bucket, r.status AS item FROM source AS r WHERE 1 UNION ALL SELECT 'deviation-days-month' AS figure, r.busGroupId AS grp, substr(r.occurredOn, 1, 7) AS bucket, CAST(julianday(r.responseDate) - julianday(r.occurredOn) AS INTEGER) AS item FROM source AS r WHERE r.responseDate IS NOT NULL UNION ALL SELECT 'deviation-kind-day' AS figure, r.busGroupId AS grp, r.occurredOn AS bucket, r.kind AS item FROM source AS r WHERE 1 UNION ALL SELECT 'deviation-concerned-day' AS figure, r.busGroupId AS grp, r.occurredOn AS bucket, r.concernedAgencyId AS item FROM source AS r WHERE 1 UNION ALL SELECT 'deviation-status-day' AS figure, r.busGroupId AS grp, r.occurredOn AS bucket, r.status AS item FROM source AS r WHERE 1 UNION ALL SELECT 'deviation-days-day' AS figure, r.busGroupId AS grp, r.occurredOn AS bucket, CAST(julianday(r.responseDate) - julianday(r.occurredOn) AS INTEGER) AS item FROM source AS r WHERE r.responseDate IS NOT NULL) AS x WHERE 1 GROUP BY 1, 2, 3, 4 ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;

INSERT INTO reviewTally (busGroupId, figure, bucket, item, n)
SELECT 0, figure, bucket, item, SUM(n) FROM reviewTally WHERE busGroupId <> 0
GROUP BY figure, bucket, item ON CONFLICT (busGroupId, figure, bucket, item) DO UPDATE SET n = n + excluded.n;
