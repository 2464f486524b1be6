import Foundation
import GRDB
import SIPDomain
import SIPText

/// The database schema, as GRDB migrations. Migrations are append-only: never edit a shipped one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-schema") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v1-reference-data") { db in
            try db.execute(sql: FrozenSQL.text("v1-reference-data.sql"))
        }
        migrator.registerMigration("v2-form-drafts") { db in
            // Form input kept when a session ends before it was saved (signal, lost terminal).
            try db.execute(
                sql: """
                    CREATE TABLE formDraft (
                        user TEXT NOT NULL,
                        planId INTEGER NOT NULL,
                        payload TEXT NOT NULL CHECK (length(payload) <= 200000),
                        savedAt DATETIME NOT NULL,
                        PRIMARY KEY (user, planId)
                    )
                    """)
        }
        migrator.registerMigration("v3-meetings-and-settings") { db in
            try db.execute(
                sql: """
                    ALTER TABLE participant ADD COLUMN answer TEXT NOT NULL DEFAULT 'no_answer'
                        CHECK (answer IN ('accepted','declined','no_answer'));
                    ALTER TABLE "plan" ADD COLUMN closedKind TEXT CHECK (closedKind IN ('completed','refused','other'));
                    CREATE TABLE planCopy (
                        id INTEGER PRIMARY KEY,
                        planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE,
                        recipient TEXT NOT NULL CHECK (length(recipient) BETWEEN 1 AND 120),
                        givenOn TEXT NOT NULL CHECK (givenOn IS date(givenOn, '+0 days'))
                    );
                    CREATE INDEX planCopy_plan ON planCopy(planId);
                    CREATE TABLE setting (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL CHECK (length(value) <= 200)
                    );
                    """)
        }
        migrator.registerMigration("v4-deviation-register") { db in
            try db.execute(
                sql: """
                    ALTER TABLE deviation ADD COLUMN escalation TEXT NOT NULL DEFAULT 'local'
                        CHECK (escalation IN ('local','bus_group','bussam'));
                    CREATE TABLE deviationChange (
                        id INTEGER PRIMARY KEY,
                        deviationId INTEGER NOT NULL REFERENCES deviation(id) ON DELETE CASCADE,
                        changedAt DATETIME NOT NULL,
                        changedBy TEXT NOT NULL,
                        what TEXT NOT NULL CHECK (length(what) <= 200),
                        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000)
                    );
                    CREATE INDEX deviationChange_deviation ON deviationChange(deviationId, changedAt);
                    """)
        }
        migrator.registerMigration("v5-self-assessment") { db in
            try db.execute(
                sql: """
                    CREATE TABLE spiderDimension (
                        position INTEGER PRIMARY KEY NOT NULL,
                        code TEXT NOT NULL UNIQUE CHECK (code GLOB '[a-z]*' AND length(code) <= 40),
                        nameSv TEXT NOT NULL,
                        nameEn TEXT NOT NULL
                    );
                    CREATE TABLE selfAssessment (
                        id INTEGER PRIMARY KEY,
                        busGroupId INTEGER NOT NULL REFERENCES busGroup(id) ON DELETE CASCADE,
                        measuredOn TEXT NOT NULL CHECK (measuredOn IS date(measuredOn, '+0 days')),
                        dimension TEXT NOT NULL REFERENCES spiderDimension(code),
                        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                        recordedBy TEXT NOT NULL,
                        UNIQUE (busGroupId, measuredOn, dimension)
                    );
                    CREATE INDEX selfAssessment_group ON selfAssessment(busGroupId, measuredOn);
                    """)
            try db.execute(sql: FrozenSQL.text("v5-spider-dimensions.sql"))
        }
        migrator.registerMigration("v6-users-and-retention") { db in
            try db.execute(
                sql: """
                    CREATE TABLE appUser (
                        login TEXT PRIMARY KEY NOT NULL CHECK (length(login) BETWEEN 1 AND 64),
                        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
                        role TEXT NOT NULL CHECK (role IN ('coordinator','bus_chair','administrator')),
                        agencyId INTEGER REFERENCES agency(id) ON DELETE SET NULL,
                        busGroupId INTEGER REFERENCES busGroup(id) ON DELETE SET NULL,
                        allPlans INTEGER NOT NULL DEFAULT 0 CHECK (allPlans IN (0, 1)),
                        addedAt DATETIME NOT NULL,
                        addedBy TEXT NOT NULL
                    );
                    -- Purged (gallrad): the plan's row stays, without personal data, for the statistics.
                    ALTER TABLE "plan" ADD COLUMN purgedOn TEXT CHECK (purgedOn IS NULL OR purgedOn IS date(purgedOn, '+0 days'));
                    -- What a change changed may be personal data: it lives beside the append-only log,
                    -- where purging a plan can remove it; the log keeps who did what, and when.
                    CREATE TABLE auditDetail (
                        auditId INTEGER PRIMARY KEY REFERENCES auditLog(id),
                        detail TEXT NOT NULL
                    );
                    INSERT INTO auditDetail (auditId, detail) SELECT id, detail FROM auditLog WHERE detail <> '';
                    DROP TRIGGER auditLog_noUpdate;
                    UPDATE auditLog SET detail = '' WHERE detail <> '';
                    CREATE TRIGGER auditLog_noUpdate BEFORE UPDATE ON auditLog
                    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                    """)
        }
        migrator.registerMigration("v7-county-scale-indexes") { db in
            // Per plan, the open interventions and their dates: without planId first, SQLite chose
            // the (status, dueDate) index and scanned every open intervention for every plan.
            try db.execute(
                sql: """
                    CREATE INDEX intervention_plan_status ON intervention(planId, status, dueDate);
                    DROP INDEX intervention_plan;
                    """)
        }
        migrator.registerMigration("v8-plan-search") { db in
            // What the list filter searches, per plan: name, personal number, plan number and lead
            // organisation, folded (NFC, lower case), in a trigram full-text index, so a substring
            // is found in milliseconds among a county's plans. Kept by triggers; sip_fold is the
            // app's function (another tool writing names here would need it too). Purged plans
            // have no row: nothing of them can be found.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE planSearch USING fts5(text, tokenize = 'trigram', detail = 'none');
                    INSERT INTO planSearch (rowid, text)
                    SELECT p.id, sip_fold(c.name || ' ' || IFNULL(c.personalNumber, '') || ' ' || p.id || ' ' || IFNULL(a.name, ''))
                    FROM "plan" p JOIN child c ON c.id = p.childId LEFT JOIN agency a ON a.id = p.leadAgencyId
                    WHERE p.purgedOn IS NULL;
                    CREATE TRIGGER planSearch_planInsert AFTER INSERT ON "plan" BEGIN
                        INSERT INTO planSearch (rowid, text)
                        SELECT NEW.id, sip_fold(c.name || ' ' || IFNULL(c.personalNumber, '') || ' ' || NEW.id || ' '
                                                || IFNULL((SELECT name FROM agency WHERE id = NEW.leadAgencyId), ''))
                        FROM child c WHERE c.id = NEW.childId AND NEW.purgedOn IS NULL;
                    END;
                    CREATE TRIGGER planSearch_planUpdate AFTER UPDATE OF childId, leadAgencyId, purgedOn ON "plan" BEGIN
                        DELETE FROM planSearch WHERE rowid = NEW.id;
                        INSERT INTO planSearch (rowid, text)
                        SELECT NEW.id, sip_fold(c.name || ' ' || IFNULL(c.personalNumber, '') || ' ' || NEW.id || ' '
                                                || IFNULL((SELECT name FROM agency WHERE id = NEW.leadAgencyId), ''))
                        FROM child c WHERE c.id = NEW.childId AND NEW.purgedOn IS NULL;
                    END;
                    CREATE TRIGGER planSearch_planDelete AFTER DELETE ON "plan" BEGIN
                        DELETE FROM planSearch WHERE rowid = OLD.id;
                    END;
                    CREATE TRIGGER planSearch_childUpdate AFTER UPDATE OF name, personalNumber ON child BEGIN
                        DELETE FROM planSearch WHERE rowid IN (SELECT id FROM "plan" WHERE childId = NEW.id);
                        INSERT INTO planSearch (rowid, text)
                        SELECT p.id, sip_fold(NEW.name || ' ' || IFNULL(NEW.personalNumber, '') || ' ' || p.id || ' '
                                              || IFNULL((SELECT name FROM agency WHERE id = p.leadAgencyId), ''))
                        FROM "plan" p WHERE p.childId = NEW.id AND p.purgedOn IS NULL;
                    END;
                    CREATE TRIGGER planSearch_agencyUpdate AFTER UPDATE OF name ON agency BEGIN
                        DELETE FROM planSearch WHERE rowid IN (SELECT id FROM "plan" WHERE leadAgencyId = NEW.id);
                        INSERT INTO planSearch (rowid, text)
                        SELECT p.id, sip_fold(c.name || ' ' || IFNULL(c.personalNumber, '') || ' ' || p.id || ' ' || NEW.name)
                        FROM "plan" p JOIN child c ON c.id = p.childId WHERE p.leadAgencyId = NEW.id AND p.purgedOn IS NULL;
                    END;
                    -- Counting the list's plans reads this small index, not the plan rows.
                    CREATE INDEX plan_list ON "plan"(purgedOn, status, busGroupId);
                    """)
        }
        migrator.registerMigration("v9-review-at-county-scale") { db in
            // The group a deviation counts for, kept beside it by triggers (the rule: its plan's
            // group; without a plan, the concerned organisation's, or the reporter's when the
            // concerned serves every group): the review then reads the deviation rows alone,
            // not a plan row for each. The rule is written out as it was (`ReviewSQL.deviationGroup`
            // at the time): a migration does not follow the code.
            try db.execute(
                sql: """
                    ALTER TABLE deviation ADD COLUMN busGroupId INTEGER REFERENCES busGroup(id) ON DELETE SET NULL;
                    UPDATE deviation SET busGroupId = COALESCE((SELECT busGroupId FROM "plan" WHERE id = deviation.planId),
                             CASE WHEN deviation.planId IS NULL THEN COALESCE(
                                 (SELECT busGroupId FROM agency WHERE id = deviation.concernedAgencyId),
                                 (SELECT busGroupId FROM agency WHERE id = deviation.reportingAgencyId)) END);
                    CREATE INDEX deviation_group_occurred ON deviation(busGroupId, occurredOn);
                    CREATE TRIGGER deviation_group_insert AFTER INSERT ON deviation BEGIN
                        UPDATE deviation SET busGroupId = COALESCE((SELECT busGroupId FROM "plan" WHERE id = NEW.planId),
                             CASE WHEN NEW.planId IS NULL THEN COALESCE(
                                 (SELECT busGroupId FROM agency WHERE id = NEW.concernedAgencyId),
                                 (SELECT busGroupId FROM agency WHERE id = NEW.reportingAgencyId)) END) WHERE id = NEW.id;
                    END;
                    CREATE TRIGGER deviation_group_update AFTER UPDATE OF planId, concernedAgencyId, reportingAgencyId ON deviation
                    BEGIN
                        UPDATE deviation SET busGroupId = COALESCE((SELECT busGroupId FROM "plan" WHERE id = NEW.planId),
                             CASE WHEN NEW.planId IS NULL THEN COALESCE(
                                 (SELECT busGroupId FROM agency WHERE id = NEW.concernedAgencyId),
                                 (SELECT busGroupId FROM agency WHERE id = NEW.reportingAgencyId)) END) WHERE id = NEW.id;
                    END;
                    CREATE TRIGGER deviation_group_plan AFTER UPDATE OF busGroupId ON "plan" BEGIN
                        UPDATE deviation SET busGroupId = NEW.busGroupId WHERE planId = NEW.id;
                    END;
                    -- The review's plan figures read this index, not the plan rows with their texts.
                    CREATE INDEX plan_review ON "plan"(busGroupId, status, requestDate, followUpDate, childId);
                    """)
        }
        migrator.registerMigration("v10-review-lookups") { db in
            // The review's look-ups answered from indexes alone: whether a plan has held a meeting,
            // its valid consents, and the overdue interventions with their plan.
            try db.execute(
                sql: """
                    CREATE INDEX meeting_plan_held ON meeting(planId, held);
                    CREATE INDEX consent_plan_valid ON consent(planId, withdrawnOn, validFrom);
                    CREATE INDEX intervention_open_due ON intervention(status, dueDate, planId);
                    DROP INDEX intervention_status_due;
                    """)
        }
        migrator.registerMigration("v11-review-tally") { db in
            // The review's counts kept by triggers: a county's review sums tallies, not rows. Their
            // group 0 is the whole county: no BUS group may have that number.
            try db.execute(
                sql: """
                    CREATE TRIGGER busGroup_notZero_insert BEFORE INSERT ON busGroup WHEN NEW.id = 0
                    BEGIN SELECT RAISE(ABORT, 'BUS group number 0 is the whole county'); END;
                    CREATE TRIGGER busGroup_notZero_update BEFORE UPDATE OF id ON busGroup WHEN NEW.id = 0
                    BEGIN SELECT RAISE(ABORT, 'BUS group number 0 is the whole county'); END;
                    """)
            // The table, its triggers and its first count, as generated from the figures when v11 was written.
            try db.execute(sql: FrozenSQL.text("v11-review-tally.sql"))
            // Saving a plan form rewrites its group unchanged: only a real move re-groups its deviations.
            try db.execute(
                sql: """
                    DROP TRIGGER deviation_group_plan;
                    CREATE TRIGGER deviation_group_plan AFTER UPDATE OF busGroupId ON "plan"
                    WHEN OLD.busGroupId IS NOT NEW.busGroupId BEGIN
                        UPDATE deviation SET busGroupId = NEW.busGroupId WHERE planId = NEW.id;
                    END;
                    """)
        }
        migrator.registerMigration("v12-audit-chain") { db in
            // The audit log as evidence: a hash chain over its rows, filled for the rows before it,
            // and triggers that refuse every rewrite (INSERT OR REPLACE included) and any row that
            // does not continue the chain.
            try db.execute(sql: FrozenSQL.text("v12-audit-chain.sql"))
        }
        migrator.registerMigration("v13-consent-access") { db in
            // Protected identity (skyddade personuppgifter) on a child or family member: their address
            // is never shown. A maturity assessment lets a younger child's own consent count.
            try db.execute(
                sql: """
                    ALTER TABLE child ADD COLUMN protectedIdentity INTEGER NOT NULL DEFAULT 0
                        CHECK (protectedIdentity IN (0, 1));
                    ALTER TABLE familyMember ADD COLUMN protectedIdentity INTEGER NOT NULL DEFAULT 0
                        CHECK (protectedIdentity IN (0, 1));
                    CREATE TABLE maturityAssessment (
                        id INTEGER PRIMARY KEY,
                        planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE,
                        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
                        assessedOn TEXT NOT NULL CHECK (assessedOn IS date(assessedOn, '+0 days')),
                        recordedBy TEXT NOT NULL
                    );
                    CREATE INDEX maturityAssessment_plan ON maturityAssessment(planId);
                    CREATE INDEX consentAgency_agency ON consentAgency(agencyId, consentId);
                    """)
        }
        migrator.registerMigration("v14-register") { db in
            // The register: an organisation serves any number of BUS groups (none: every group), as
            // `agencyGroup`; `agency.busGroupId` stays as the one group when there is exactly one,
            // kept by triggers, so the deviations' grouping and a chair's group read it as before.
            // Organisations, contact persons and groups can be retired; a contact has a deputy; a
            // group its municipality or district and its chair.
            try db.execute(
                sql: """
                    CREATE TABLE agencyGroup (
                        agencyId INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
                        busGroupId INTEGER NOT NULL REFERENCES busGroup(id) ON DELETE CASCADE,
                        PRIMARY KEY (agencyId, busGroupId)
                    ) WITHOUT ROWID;
                    CREATE INDEX agencyGroup_group ON agencyGroup(busGroupId, agencyId);
                    INSERT INTO agencyGroup (agencyId, busGroupId)
                        SELECT id, busGroupId FROM agency WHERE busGroupId IS NOT NULL;
                    CREATE TRIGGER agencyGroup_single_insert AFTER INSERT ON agencyGroup BEGIN
                        UPDATE agency SET busGroupId = (SELECT CASE WHEN COUNT(*) = 1 THEN MIN(busGroupId) END
                            FROM agencyGroup WHERE agencyId = NEW.agencyId) WHERE id = NEW.agencyId;
                    END;
                    CREATE TRIGGER agency_group_insert AFTER INSERT ON agency WHEN NEW.busGroupId IS NOT NULL BEGIN
                        INSERT OR IGNORE INTO agencyGroup (agencyId, busGroupId) VALUES (NEW.id, NEW.busGroupId);
                    END;
                    CREATE TRIGGER agency_group_update AFTER UPDATE OF busGroupId ON agency
                    WHEN NEW.busGroupId IS NOT NULL AND OLD.busGroupId IS NOT NEW.busGroupId AND NOT EXISTS
                        (SELECT 1 FROM agencyGroup WHERE agencyId = NEW.id AND busGroupId = NEW.busGroupId) BEGIN
                        DELETE FROM agencyGroup WHERE agencyId = NEW.id;
                        INSERT INTO agencyGroup (agencyId, busGroupId) VALUES (NEW.id, NEW.busGroupId);
                    END;
                    CREATE TRIGGER agencyGroup_single_delete AFTER DELETE ON agencyGroup BEGIN
                        UPDATE agency SET busGroupId = (SELECT CASE WHEN COUNT(*) = 1 THEN MIN(busGroupId) END
                            FROM agencyGroup WHERE agencyId = OLD.agencyId) WHERE id = OLD.agencyId;
                    END;
                    ALTER TABLE agency ADD COLUMN retiredOn TEXT
                        CHECK (retiredOn IS NULL OR retiredOn IS date(retiredOn, '+0 days'));
                    ALTER TABLE contactPerson ADD COLUMN deputyId INTEGER
                        REFERENCES contactPerson(id) ON DELETE SET NULL;
                    ALTER TABLE contactPerson ADD COLUMN retiredOn TEXT
                        CHECK (retiredOn IS NULL OR retiredOn IS date(retiredOn, '+0 days'));
                    ALTER TABLE busGroup ADD COLUMN area TEXT NOT NULL DEFAULT '' CHECK (length(area) <= 120);
                    ALTER TABLE busGroup ADD COLUMN chair TEXT NOT NULL DEFAULT '' CHECK (length(chair) <= 120);
                    ALTER TABLE busGroup ADD COLUMN retiredOn TEXT
                        CHECK (retiredOn IS NULL OR retiredOn IS date(retiredOn, '+0 days'));
                    """)
        }
        migrator.registerMigration("v15-people") { db in
            // People are users, not strings. A plan's coordinator is a user (`coordinatorLogin`), changed
            // only by the audited hand-over; the free text it was becomes `outsideCoordinator`, kept
            // only where it matches no user: by login first, else by a name only one user has
            // (ignoring ASCII case and surrounding space). A plan's lead person and an intervention's
            // responsible person may name a user or a contact person, the text staying for someone
            // outside the register. A user can be retired: they keep their history.
            try db.execute(
                sql: """
                    ALTER TABLE appUser ADD COLUMN retiredOn TEXT
                        CHECK (retiredOn IS NULL OR retiredOn IS date(retiredOn, '+0 days'));
                    ALTER TABLE "plan" RENAME COLUMN coordinator TO outsideCoordinator;
                    ALTER TABLE "plan" ADD COLUMN coordinatorLogin TEXT REFERENCES appUser(login);
                    ALTER TABLE "plan" ADD COLUMN leadLogin TEXT REFERENCES appUser(login);
                    ALTER TABLE "plan" ADD COLUMN leadContactId INTEGER REFERENCES contactPerson(id);
                    ALTER TABLE intervention ADD COLUMN personLogin TEXT REFERENCES appUser(login);
                    ALTER TABLE intervention ADD COLUMN personContactId INTEGER REFERENCES contactPerson(id);
                    UPDATE "plan" SET coordinatorLogin = (SELECT login FROM appUser WHERE login = trim(outsideCoordinator))
                        WHERE trim(outsideCoordinator) IN (SELECT login FROM appUser);
                    UPDATE "plan" SET coordinatorLogin =
                            (SELECT login FROM appUser WHERE name = trim(outsideCoordinator) COLLATE NOCASE)
                        WHERE coordinatorLogin IS NULL AND trim(outsideCoordinator) <> ''
                          AND (SELECT COUNT(*) FROM appUser WHERE name = trim(outsideCoordinator) COLLATE NOCASE) = 1;
                    UPDATE "plan" SET outsideCoordinator = '' WHERE coordinatorLogin IS NOT NULL;
                    CREATE INDEX plan_coordinatorLogin ON "plan"(coordinatorLogin);
                    """)
        }
        migrator.registerMigration("v16-mail") { db in
            // Invitations that are sent: per meeting, its kallelse (reply-by date, the iCalendar
            // SEQUENCE, a cancellation), who is invited to it with their answer (per meeting, not
            // the participant's one answer for the whole plan), and every mail handed to the sendmail
            // command, per recipient: accepted, or failed with the command's message. A user's
            // address for the reminders' digest.
            try db.execute(
                sql: """
                    CREATE TABLE kallelse (
                        meetingId INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
                        replyBy TEXT NOT NULL CHECK (replyBy IS date(replyBy, '+0 days')),
                        sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
                        cancelledAt DATETIME,
                        createdAt DATETIME NOT NULL,
                        createdBy TEXT NOT NULL
                    );
                    CREATE TABLE invitee (
                        meetingId INTEGER NOT NULL REFERENCES kallelse(meetingId) ON DELETE CASCADE,
                        participantId INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
                        answer TEXT NOT NULL DEFAULT 'no_answer' CHECK (answer IN ('accepted','declined','no_answer')),
                        answeredAt DATETIME,
                        PRIMARY KEY (meetingId, participantId)
                    ) WITHOUT ROWID;
                    CREATE INDEX invitee_participant ON invitee(participantId);
                    CREATE TABLE mailSent (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('request','cancel','digest')),
                        meetingId INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
                        participantId INTEGER REFERENCES participant(id) ON DELETE CASCADE,
                        login TEXT,
                        recipient TEXT NOT NULL CHECK (length(recipient) BETWEEN 1 AND 120),
                        uid TEXT CHECK (length(uid) <= 120),
                        sequence INTEGER CHECK (sequence >= 0),
                        digestDay TEXT CHECK (digestDay IS NULL OR digestDay IS date(digestDay, '+0 days')),
                        at DATETIME NOT NULL,
                        accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
                        message TEXT NOT NULL DEFAULT '' CHECK (length(message) <= 500),
                        CHECK ((kind = 'digest') = (login IS NOT NULL AND meetingId IS NULL))
                    );
                    CREATE INDEX mailSent_meeting ON mailSent(meetingId, participantId, sequence);
                    CREATE INDEX mailSent_login ON mailSent(login, digestDay);
                    ALTER TABLE appUser ADD COLUMN email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 120);
                    """)
        }
        migrator.registerMigration("v17-requests") { db in
            // Requests for a SIP between organisations (begäran om SIP): addressed to an organisation,
            // answered by its coordinators (accepted into a plan, or declined with a reason). The
            // group is the one the review counts it for (see `PlanRequest.busGroupId`).
            try db.execute(
                sql: """
                    CREATE TABLE planRequest (
                        id INTEGER PRIMARY KEY,
                        toAgencyId INTEGER NOT NULL REFERENCES agency(id),
                        fromAgencyId INTEGER NOT NULL REFERENCES agency(id),
                        registeredBy TEXT NOT NULL,
                        askerName TEXT NOT NULL CHECK (length(askerName) BETWEEN 1 AND 120),
                        askerFunction TEXT NOT NULL DEFAULT '' CHECK (length(askerFunction) <= 120),
                        childName TEXT NOT NULL CHECK (length(childName) BETWEEN 1 AND 120),
                        personalNumber TEXT CHECK (personalNumber IS NULL
                            OR (length(personalNumber) = 12 AND personalNumber NOT GLOB '*[^0-9]*')),
                        question TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
                        consent TEXT NOT NULL DEFAULT '' CHECK (length(consent) <= 500),
                        receivedOn TEXT NOT NULL CHECK (receivedOn IS date(receivedOn, '+0 days')),
                        registeredAt DATETIME NOT NULL,
                        status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','accepted','declined')),
                        answeredOn TEXT CHECK (answeredOn IS NULL OR answeredOn IS date(answeredOn, '+0 days')),
                        answeredBy TEXT,
                        declineReason TEXT CHECK (declineReason IS NULL OR length(declineReason) <= 2000),
                        planId INTEGER REFERENCES "plan"(id) ON DELETE SET NULL,
                        busGroupId INTEGER REFERENCES busGroup(id) ON DELETE SET NULL,
                        CHECK (status = 'new' OR (answeredOn IS NOT NULL AND answeredBy IS NOT NULL)),
                        CHECK (status <> 'declined' OR length(declineReason) >= 1)
                    );
                    CREATE INDEX planRequest_inbox ON planRequest(toAgencyId, status);
                    CREATE INDEX planRequest_registeredBy ON planRequest(registeredBy);
                    CREATE INDEX planRequest_review ON planRequest(busGroupId, receivedOn);
                    CREATE INDEX planRequest_plan ON planRequest(planId);
                    -- The coordinator's day (meetings by time are meeting_startsAt's): a plan's latest
                    -- meeting (quiet plans), open plans by follow-up date, consents by the day withdrawn.
                    CREATE INDEX meeting_plan_starts ON meeting(planId, startsAt);
                    CREATE INDEX plan_followUp ON "plan"(followUpDate) WHERE status <> 'closed';
                    CREATE INDEX consent_withdrawn ON consent(withdrawnOn) WHERE withdrawnOn IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v18-review-periods") { db in
            // A past period's review counts the plans whose status changed since its end as they
            // were then: those changes are found by their time.
            try db.execute(sql: "CREATE INDEX planStatusChange_changedAt ON planStatusChange(changedAt, planId)")
        }
        migrator.registerMigration("v19-family") { db in
            // The child and the family at the centre (issue 17). Goals become items (the three free
            // texts move into them, a line each, and are emptied); each follow-up assesses each goal,
            // by the professionals and, apart, by the child and the family. The child's part in each
            // meeting; each family member's language and interpreter need, and the interpreter a
            // meeting has booked; needs nobody has taken on; the discharge plan (lag 2017:612).
            try db.execute(
                sql: """
                    CREATE TABLE goal (
                        id INTEGER PRIMARY KEY,
                        planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL CHECK (kind IN ('child','long','short')),
                        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
                        worksTowards TEXT NOT NULL DEFAULT '' CHECK (length(worksTowards) <= 120),
                        position INTEGER NOT NULL,
                        createdAt DATETIME NOT NULL
                    );
                    CREATE INDEX goal_plan ON goal(planId, position);
                    CREATE TABLE goalIntervention (
                        goalId INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
                        interventionId INTEGER NOT NULL REFERENCES intervention(id) ON DELETE CASCADE,
                        PRIMARY KEY (goalId, interventionId)
                    ) WITHOUT ROWID;
                    CREATE INDEX goalIntervention_intervention ON goalIntervention(interventionId, goalId);
                    CREATE TABLE goalAssessment (
                        id INTEGER PRIMARY KEY,
                        goalId INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
                        meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                        "by" TEXT NOT NULL CHECK ("by" IN ('professionals','family')),
                        outcome TEXT NOT NULL CHECK (outcome IN ('achieved','partly','not_achieved','not_relevant')),
                        comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
                        recordedAt DATETIME NOT NULL,
                        recordedBy TEXT NOT NULL,
                        UNIQUE (goalId, meetingId, "by")
                    );
                    CREATE INDEX goalAssessment_meeting ON goalAssessment(meetingId);
                    CREATE TABLE childParticipation (
                        meetingId INTEGER PRIMARY KEY NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                        present INTEGER NOT NULL DEFAULT 0 CHECK (present IN (0, 1)),
                        heardBefore INTEGER NOT NULL DEFAULT 0 CHECK (heardBefore IN (0, 1)),
                        representedBy TEXT NOT NULL DEFAULT '' CHECK (length(representedBy) <= 120),
                        byConversation INTEGER NOT NULL DEFAULT 0 CHECK (byConversation IN (0, 1)),
                        byDrawing INTEGER NOT NULL DEFAULT 0 CHECK (byDrawing IN (0, 1)),
                        byWrittenAnswer INTEGER NOT NULL DEFAULT 0 CHECK (byWrittenAnswer IN (0, 1)),
                        childWords TEXT NOT NULL DEFAULT '' CHECK (length(childWords) <= 4000)
                    );
                    CREATE TABLE need (
                        id INTEGER PRIMARY KEY,
                        planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE,
                        meetingId INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
                        what TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
                        agencyId INTEGER REFERENCES agency(id),
                        recordedOn TEXT NOT NULL CHECK (recordedOn IS date(recordedOn, '+0 days'))
                    );
                    CREATE INDEX need_plan ON need(planId, agencyId);
                    ALTER TABLE familyMember ADD COLUMN language TEXT NOT NULL DEFAULT ''
                        CHECK (length(language) <= 120);
                    ALTER TABLE familyMember ADD COLUMN interpreterLanguage TEXT NOT NULL DEFAULT ''
                        CHECK (length(interpreterLanguage) <= 120);
                    ALTER TABLE meeting ADD COLUMN interpreterBooked TEXT NOT NULL DEFAULT ''
                        CHECK (length(interpreterBooked) <= 120);
                    ALTER TABLE "plan" ADD COLUMN kind TEXT NOT NULL DEFAULT 'standard'
                        CHECK (kind IN ('standard','discharge'));
                    ALTER TABLE "plan" ADD COLUMN notifiedOn TEXT
                        CHECK (notifiedOn IS NULL OR notifiedOn IS date(notifiedOn, '+0 days'));
                    CREATE INDEX plan_discharge ON "plan"(kind, status, notifiedOn) WHERE kind = 'discharge';
                    """)
            // The three free texts as goal items: each non-empty line one goal (a leading list
            // marker dropped), the child's own first, then long-term, then short-term.
            try db.execute(
                sql: """
                    WITH RECURSIVE source(planId, kind, rank, rest, createdAt) AS (
                        SELECT id, 'child', 0, childGoals || char(10), updatedAt FROM "plan" WHERE childGoals <> ''
                        UNION ALL
                        SELECT id, 'long', 1, longTermGoals || char(10), updatedAt FROM "plan" WHERE longTermGoals <> ''
                        UNION ALL
                        SELECT id, 'short', 2, shortTermGoals || char(10), updatedAt FROM "plan" WHERE shortTermGoals <> ''
                    ),
                    split(planId, kind, rank, line, rest, n, createdAt) AS (
                        SELECT planId, kind, rank, NULL, rest, 0, createdAt FROM source
                        UNION ALL
                        SELECT planId, kind, rank, substr(rest, 1, instr(rest, char(10)) - 1),
                               substr(rest, instr(rest, char(10)) + 1), n + 1, createdAt
                        FROM split WHERE rest <> ''
                    ),
                    lines AS (
                        SELECT planId, kind, rank, n, createdAt,
                               trim(ltrim(trim(line, ' ' || char(9) || char(13)), '-*•')) AS text
                        FROM split WHERE line IS NOT NULL
                    )
                    INSERT INTO goal (planId, kind, text, worksTowards, position, createdAt)
                    SELECT planId, kind, text, '', ROW_NUMBER() OVER (PARTITION BY planId ORDER BY rank, n), createdAt
                    FROM lines WHERE text <> '' ORDER BY planId, rank, n;
                    UPDATE "plan" SET childGoals = '', longTermGoals = '', shortTermGoals = ''
                    WHERE childGoals <> '' OR longTermGoals <> '' OR shortTermGoals <> '';
                    """)
        }
        migrator.registerMigration("v20-day-indexes") { db in
            // The day screen reads its first lines in date order and stops: for someone who sees
            // every plan, walking open interventions and meetings ahead by date finds a page at once,
            // where the status index found them all and sorted them (3 s at 100 000 plans). Quiet
            // plans are looked for among open plans only, by their request date.
            try db.execute(
                sql: """
                    CREATE INDEX intervention_open_by_due ON intervention(dueDate) WHERE status IN ('planned','ongoing');
                    CREATE INDEX meeting_ahead ON meeting(startsAt) WHERE held = 0;
                    CREATE INDEX plan_open_request ON "plan"(requestDate) WHERE status <> 'closed' AND purgedOn IS NULL;
                    """)
        }
        migrator.registerMigration("v21-last-meeting") { db in
            // A quiet plan is an open plan whose last meeting is long ago: kept on the plan, so the
            // day walks open plans by their last meeting and stops after a page, where it looked
            // for the absence of a recent meeting in every open plan (110 ms at 100 000 plans).
            try db.execute(
                sql: """
                    ALTER TABLE "plan" ADD COLUMN lastMeetingAt DATETIME;
                    UPDATE "plan" SET lastMeetingAt = (SELECT MAX(m.startsAt) FROM meeting m WHERE m.planId = "plan".id);
                    CREATE INDEX plan_quiet ON "plan"(lastMeetingAt, requestDate, id)
                        WHERE status <> 'closed' AND purgedOn IS NULL;
                    CREATE TRIGGER plan_lastMeeting_insert AFTER INSERT ON meeting BEGIN
                        UPDATE "plan" SET lastMeetingAt = (SELECT MAX(startsAt) FROM meeting WHERE planId = NEW.planId)
                        WHERE id = NEW.planId;
                    END;
                    CREATE TRIGGER plan_lastMeeting_update AFTER UPDATE OF planId, startsAt ON meeting BEGIN
                        UPDATE "plan" SET lastMeetingAt = (SELECT MAX(startsAt) FROM meeting WHERE planId = "plan".id)
                        WHERE id IN (OLD.planId, NEW.planId);
                    END;
                    CREATE TRIGGER plan_lastMeeting_delete AFTER DELETE ON meeting BEGIN
                        UPDATE "plan" SET lastMeetingAt = (SELECT MAX(startsAt) FROM meeting WHERE planId = OLD.planId)
                        WHERE id = OLD.planId;
                    END;
                    """)
        }
        migrator.registerMigration("v22-annual-notes") { db in
            // A group's own words on what it did in a year (its annual report's "Vad gjordes"), one
            // text per group and year. Shown to every reader of the report: the model refuses
            // identity numbers in it; it is about the group's work, not about a child.
            try db.execute(
                sql: """
                    CREATE TABLE annualNote (
                        busGroupId INTEGER NOT NULL REFERENCES busGroup(id) ON DELETE CASCADE,
                        year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
                        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
                        writtenAt DATETIME NOT NULL,
                        writtenBy TEXT NOT NULL CHECK (length(writtenBy) BETWEEN 1 AND 64),
                        PRIMARY KEY (busGroupId, year)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v23-review-history") { db in
            // What a past period's review needs that the rows hold only as they are now: a plan's
            // follow-up date and group before each change, an intervention's status and due date
            // before each change (a NULL status: it did not exist yet). Kept by triggers, timed by
            // `sip_now()` (the session's clock). Rows from before have no history: they count as
            // they are now, as far back as can be told (as a deviation closed without a closing line).
            try db.execute(
                sql: """
                    CREATE TABLE planHistory (
                        id INTEGER PRIMARY KEY,
                        planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE ON UPDATE CASCADE,
                        changedAt DATETIME NOT NULL,
                        followUpDate TEXT,
                        busGroupId INTEGER NOT NULL
                    );
                    CREATE INDEX planHistory_plan ON planHistory(planId, changedAt);
                    CREATE INDEX planHistory_changedAt ON planHistory(changedAt, planId);
                    CREATE TRIGGER planHistory_update AFTER UPDATE OF followUpDate, busGroupId ON "plan"
                    WHEN OLD.followUpDate IS NOT NEW.followUpDate OR OLD.busGroupId IS NOT NEW.busGroupId BEGIN
                        INSERT INTO planHistory (planId, changedAt, followUpDate, busGroupId)
                        VALUES (NEW.id, sip_now(), OLD.followUpDate, OLD.busGroupId);
                    END;
                    CREATE TABLE interventionHistory (
                        id INTEGER PRIMARY KEY,
                        interventionId INTEGER NOT NULL REFERENCES intervention(id) ON DELETE CASCADE ON UPDATE CASCADE,
                        planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE ON UPDATE CASCADE,
                        changedAt DATETIME NOT NULL,
                        status TEXT CHECK (status IS NULL OR status IN ('planned','ongoing','done','not_delivered')),
                        dueDate TEXT
                    );
                    CREATE INDEX interventionHistory_intervention ON interventionHistory(interventionId, changedAt);
                    CREATE INDEX interventionHistory_changedAt ON interventionHistory(changedAt, planId);
                    CREATE TRIGGER interventionHistory_insert AFTER INSERT ON intervention BEGIN
                        INSERT INTO interventionHistory (interventionId, planId, changedAt, status, dueDate)
                        VALUES (NEW.id, NEW.planId, sip_now(), NULL, NULL);
                    END;
                    CREATE TRIGGER interventionHistory_update AFTER UPDATE OF status, dueDate ON intervention
                    WHEN OLD.status IS NOT NEW.status OR OLD.dueDate IS NOT NEW.dueDate BEGIN
                        INSERT INTO interventionHistory (interventionId, planId, changedAt, status, dueDate)
                        VALUES (NEW.id, NEW.planId, sip_now(), OLD.status, OLD.dueDate);
                    END;
                    -- A plan's status at a period's end from the index alone (its first change since).
                    DROP INDEX planStatusChange_plan;
                    CREATE INDEX planStatusChange_plan ON planStatusChange(planId, changedAt, id, fromStatus);
                    """)
        }
        migrator.registerMigration("v25-meeting-cancelled") { db in
            // A meeting called off was known only to its kallelse, so it stayed "ahead" everywhere
            // else: on the day screen, as the plan's next meeting, in meeting mode, and as the last
            // meeting that keeps a plan from being quiet. The meeting now carries it itself.
            try db.execute(
                sql: """
                    ALTER TABLE meeting ADD COLUMN cancelledAt DATETIME;
                    UPDATE meeting SET cancelledAt = (SELECT k.cancelledAt FROM kallelse k WHERE k.meetingId = meeting.id)
                    WHERE id IN (SELECT meetingId FROM kallelse WHERE cancelledAt IS NOT NULL);
                    DROP TRIGGER plan_lastMeeting_insert;
                    DROP TRIGGER plan_lastMeeting_update;
                    DROP TRIGGER plan_lastMeeting_delete;
                    CREATE TRIGGER plan_lastMeeting_insert AFTER INSERT ON meeting BEGIN
                        UPDATE "plan" SET lastMeetingAt = (
                            SELECT MAX(startsAt) FROM meeting WHERE planId = NEW.planId AND cancelledAt IS NULL)
                        WHERE id = NEW.planId;
                    END;
                    CREATE TRIGGER plan_lastMeeting_update AFTER UPDATE OF planId, startsAt, cancelledAt ON meeting BEGIN
                        UPDATE "plan" SET lastMeetingAt = (
                            SELECT MAX(startsAt) FROM meeting WHERE planId = "plan".id AND cancelledAt IS NULL)
                        WHERE id IN (OLD.planId, NEW.planId);
                    END;
                    CREATE TRIGGER plan_lastMeeting_delete AFTER DELETE ON meeting BEGIN
                        UPDATE "plan" SET lastMeetingAt = (
                            SELECT MAX(startsAt) FROM meeting WHERE planId = OLD.planId AND cancelledAt IS NULL)
                        WHERE id = OLD.planId;
                    END;
                    UPDATE "plan" SET lastMeetingAt = (
                        SELECT MAX(m.startsAt) FROM meeting m WHERE m.planId = "plan".id AND m.cancelledAt IS NULL)
                    WHERE id IN (SELECT planId FROM meeting WHERE cancelledAt IS NOT NULL);
                    """)
        }
        migrator.registerMigration("v26-review-snapshot") { db in
            // The figures of a period that has ended, once counted (`ReviewSnapshot`), and the
            // triggers that drop them when a change reaches back into their period: a change can only
            // alter a period that ends on or after the earliest day it touches (a deviation's day, a
            // consent's dates, a meeting's, a request's; the day a history line is written, less one
            // for the time zones). What no day bounds (a child's birth date, a plan deleted, the
            // register's names, the deadlines) drops every one.
            try db.execute(
                sql: """
                    CREATE TABLE reviewSnapshot (
                        id INTEGER PRIMARY KEY,
                        busGroupId INTEGER NOT NULL,
                        fromDay TEXT NOT NULL,
                        toDay TEXT NOT NULL,
                        claim INTEGER NOT NULL,
                        figures BLOB,
                        countedAt DATETIME,
                        UNIQUE (busGroupId, fromDay, toDay)
                    );
                    CREATE INDEX reviewSnapshot_toDay ON reviewSnapshot(toDay);

                    CREATE TRIGGER reviewSnapshot_planInsert AFTER INSERT ON "plan" BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(NEW.requestDate, date(NEW.createdAt, '-1 day'));
                    END;
                    -- The status before a change is in the plan's history, written by the program before
                    -- it changes the plan: from that line on, the past is as it was. A status changed
                    -- without a line changes every period since the last one.
                    CREATE TRIGGER reviewSnapshot_planStatus AFTER UPDATE OF status ON "plan"
                    WHEN OLD.status IS NOT NEW.status BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= IFNULL(
                            (SELECT date(s.changedAt, '-1 day') FROM planStatusChange s WHERE s.planId = NEW.id
                             ORDER BY s.changedAt DESC, s.id DESC LIMIT 1), '');
                    END;
                    CREATE TRIGGER reviewSnapshot_planRequestDate AFTER UPDATE OF requestDate ON "plan"
                    WHEN OLD.requestDate IS NOT NEW.requestDate BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(OLD.requestDate, NEW.requestDate);
                    END;
                    CREATE TRIGGER reviewSnapshot_planChild AFTER UPDATE OF childId ON "plan"
                    WHEN OLD.childId IS NOT NEW.childId BEGIN
                        DELETE FROM reviewSnapshot;
                    END;
                    CREATE TRIGGER reviewSnapshot_planDelete AFTER DELETE ON "plan" BEGIN
                        DELETE FROM reviewSnapshot;
                    END;
                    CREATE TRIGGER reviewSnapshot_child AFTER UPDATE OF sex, birthDate ON child
                    WHEN OLD.sex IS NOT NEW.sex OR OLD.birthDate IS NOT NEW.birthDate BEGIN
                        DELETE FROM reviewSnapshot;
                    END;
                    CREATE TRIGGER reviewSnapshot_planStatusChangeInsert AFTER INSERT ON planStatusChange BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= date(NEW.changedAt, '-1 day');
                    END;
                    CREATE TRIGGER reviewSnapshot_planStatusChangeUpdate
                    AFTER UPDATE OF planId, fromStatus, toStatus, changedAt ON planStatusChange BEGIN
                        DELETE FROM reviewSnapshot;
                    END;
                    CREATE TRIGGER reviewSnapshot_planStatusChangeDelete AFTER DELETE ON planStatusChange BEGIN
                        DELETE FROM reviewSnapshot;
                    END;
                    CREATE TRIGGER reviewSnapshot_planHistory AFTER INSERT ON planHistory BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= date(NEW.changedAt, '-1 day');
                    END;
                    CREATE TRIGGER reviewSnapshot_interventionHistory AFTER INSERT ON interventionHistory BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= date(NEW.changedAt, '-1 day');
                    END;
                    CREATE TRIGGER reviewSnapshot_interventionPlan AFTER UPDATE OF planId ON intervention
                    WHEN OLD.planId IS NOT NEW.planId BEGIN
                        DELETE FROM reviewSnapshot;
                    END;
                    CREATE TRIGGER reviewSnapshot_interventionDelete AFTER DELETE ON intervention BEGIN
                        DELETE FROM reviewSnapshot;
                    END;
                    CREATE TRIGGER reviewSnapshot_deviationInsert AFTER INSERT ON deviation BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(NEW.occurredOn,
                            IFNULL(NEW.responseDate, NEW.occurredOn), IFNULL(NEW.responseDue, NEW.occurredOn));
                    END;
                    CREATE TRIGGER reviewSnapshot_deviationUpdate AFTER UPDATE ON deviation BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(NEW.occurredOn,
                            IFNULL(NEW.responseDate, NEW.occurredOn), IFNULL(NEW.responseDue, NEW.occurredOn),
                            OLD.occurredOn, IFNULL(OLD.responseDate, OLD.occurredOn), IFNULL(OLD.responseDue, OLD.occurredOn));
                    END;
                    CREATE TRIGGER reviewSnapshot_deviationDelete AFTER DELETE ON deviation BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(OLD.occurredOn,
                            IFNULL(OLD.responseDate, OLD.occurredOn), IFNULL(OLD.responseDue, OLD.occurredOn));
                    END;
                    CREATE TRIGGER reviewSnapshot_deviationChangeInsert AFTER INSERT ON deviationChange BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= date(NEW.changedAt, '-1 day');
                    END;
                    CREATE TRIGGER reviewSnapshot_deviationChangeUpdate AFTER UPDATE ON deviationChange BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= date(min(OLD.changedAt, NEW.changedAt), '-1 day');
                    END;
                    CREATE TRIGGER reviewSnapshot_deviationChangeDelete AFTER DELETE ON deviationChange BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= date(OLD.changedAt, '-1 day');
                    END;
                    CREATE TRIGGER reviewSnapshot_consentInsert AFTER INSERT ON consent BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(NEW.validFrom, IFNULL(NEW.withdrawnOn, NEW.validFrom));
                    END;
                    CREATE TRIGGER reviewSnapshot_consentUpdate AFTER UPDATE ON consent BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(NEW.validFrom, IFNULL(NEW.withdrawnOn, NEW.validFrom),
                            OLD.validFrom, IFNULL(OLD.withdrawnOn, OLD.validFrom));
                    END;
                    CREATE TRIGGER reviewSnapshot_consentDelete AFTER DELETE ON consent BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(OLD.validFrom, IFNULL(OLD.withdrawnOn, OLD.validFrom));
                    END;
                    -- A meeting held counts from its day, and for the days from its plan's request to it.
                    CREATE TRIGGER reviewSnapshot_meetingInsert AFTER INSERT ON meeting BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(date(NEW.startsAt, '-1 day'),
                            IFNULL((SELECT MIN(receivedOn) FROM planRequest WHERE planId = NEW.planId), '9999-12-31'));
                    END;
                    CREATE TRIGGER reviewSnapshot_meetingUpdate AFTER UPDATE ON meeting BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(date(NEW.startsAt, '-1 day'), date(OLD.startsAt, '-1 day'),
                            IFNULL((SELECT MIN(receivedOn) FROM planRequest WHERE planId IN (OLD.planId, NEW.planId)), '9999-12-31'));
                    END;
                    CREATE TRIGGER reviewSnapshot_meetingDelete AFTER DELETE ON meeting BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(date(OLD.startsAt, '-1 day'),
                            IFNULL((SELECT MIN(receivedOn) FROM planRequest WHERE planId = OLD.planId), '9999-12-31'));
                    END;
                    CREATE TRIGGER reviewSnapshot_requestInsert AFTER INSERT ON planRequest BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= NEW.receivedOn;
                    END;
                    CREATE TRIGGER reviewSnapshot_requestUpdate AFTER UPDATE ON planRequest BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= min(OLD.receivedOn, NEW.receivedOn);
                    END;
                    CREATE TRIGGER reviewSnapshot_requestDelete AFTER DELETE ON planRequest BEGIN
                        DELETE FROM reviewSnapshot WHERE toDay >= OLD.receivedOn;
                    END;
                    """)
            // The deadlines and the register's names and groups: every kept period.
            for table in ["setting", "agency", "agencyGroup", "busGroup"] {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER reviewSnapshot_\(table)\(event.capitalized) AFTER \(event) ON \(table) BEGIN
                                DELETE FROM reviewSnapshot;
                            END;
                            """)
                }
            }
        }
        migrator.registerMigration("v27-interpreter-needed") { db in
            // The day's "interpreters missing" walked every meeting of the fortnight and looked up
            // each one's family (start-up grew with the open plans). A meeting not yet held now
            // carries whether a family member taking part in its plan needs an interpreter, kept by
            // triggers, so the section walks only the marked meetings ahead with none booked. Held
            // meetings keep the mark they had: nothing asks it of them, and rewriting it would touch
            // the review's kept periods.
            let needed = """
                EXISTS (SELECT 1 FROM participant pa JOIN familyMember f ON f.id = pa.familyMemberId
                        WHERE pa.planId = meeting.planId AND f.interpreterLanguage <> '')
                """
            func mark(_ meetings: String) -> String {
                "UPDATE meeting SET interpreterNeeded = \(needed) WHERE held = 0 AND \(meetings) AND interpreterNeeded IS NOT \(needed);"
            }
            try db.execute(
                sql: """
                    ALTER TABLE meeting ADD COLUMN interpreterNeeded BOOLEAN NOT NULL DEFAULT 0;
                    \(mark("1"))
                    -- The participants of a family member, when their language changes or they are removed.
                    CREATE INDEX participant_familyMember ON participant(familyMemberId) WHERE familyMemberId IS NOT NULL;
                    CREATE INDEX meeting_interpreter_ahead ON meeting(startsAt)
                        WHERE held = 0 AND interpreterNeeded = 1 AND interpreterBooked = '' AND cancelledAt IS NULL;
                    CREATE TRIGGER meeting_interpreter_insert AFTER INSERT ON meeting BEGIN
                        \(mark("id = NEW.id"))
                    END;
                    CREATE TRIGGER meeting_interpreter_update AFTER UPDATE OF planId, held ON meeting BEGIN
                        \(mark("id = NEW.id"))
                    END;
                    CREATE TRIGGER meeting_interpreter_participantInsert AFTER INSERT ON participant
                    WHEN NEW.familyMemberId IS NOT NULL BEGIN
                        \(mark("planId = NEW.planId"))
                    END;
                    CREATE TRIGGER meeting_interpreter_participantUpdate AFTER UPDATE OF planId, familyMemberId ON participant
                    BEGIN
                        \(mark("planId IN (OLD.planId, NEW.planId)"))
                    END;
                    CREATE TRIGGER meeting_interpreter_participantDelete AFTER DELETE ON participant
                    WHEN OLD.familyMemberId IS NOT NULL BEGIN
                        \(mark("planId = OLD.planId"))
                    END;
                    CREATE TRIGGER meeting_interpreter_familyMember AFTER UPDATE OF interpreterLanguage ON familyMember
                    WHEN (OLD.interpreterLanguage <> '') IS NOT (NEW.interpreterLanguage <> '') BEGIN
                        \(mark("planId IN (SELECT planId FROM participant WHERE familyMemberId = NEW.id)"))
                    END;
                    """)
        }
        migrator.registerMigration("v28-first-meeting-marks") { db in
            // The review's "first meeting late" tested the consents and meetings of every draft or
            // invited plan (309 ms at 1 000 000 plans). A plan now carries the day its earliest consent
            // in force began and whether a meeting of it was held, kept by triggers, so a tally can
            // count the plans waiting for a first meeting (v29).
            let mark = FirstMeetingMarks.update
            try db.execute(
                sql: """
                    ALTER TABLE "plan" ADD COLUMN consentSince TEXT;
                    ALTER TABLE "plan" ADD COLUMN meetingHeld BOOLEAN NOT NULL DEFAULT 0;
                    \(mark(.consentSince, "1"))
                    \(mark(.meetingHeld, "1"))
                    CREATE TRIGGER plan_consentSince_insert AFTER INSERT ON consent BEGIN
                        \(mark(.consentSince, "id = NEW.planId"))
                    END;
                    CREATE TRIGGER plan_consentSince_update AFTER UPDATE OF planId, validFrom, withdrawnOn ON consent BEGIN
                        \(mark(.consentSince, "id IN (OLD.planId, NEW.planId)"))
                    END;
                    CREATE TRIGGER plan_consentSince_delete AFTER DELETE ON consent BEGIN
                        \(mark(.consentSince, "id = OLD.planId"))
                    END;
                    CREATE TRIGGER plan_meetingHeld_insert AFTER INSERT ON meeting WHEN NEW.held BEGIN
                        \(mark(.meetingHeld, "id = NEW.planId"))
                    END;
                    CREATE TRIGGER plan_meetingHeld_update AFTER UPDATE OF planId, held ON meeting BEGIN
                        \(mark(.meetingHeld, "id IN (OLD.planId, NEW.planId)"))
                    END;
                    CREATE TRIGGER plan_meetingHeld_delete AFTER DELETE ON meeting WHEN OLD.held BEGIN
                        \(mark(.meetingHeld, "id = OLD.planId"))
                    END;
                    """)
        }
        migrator.registerMigration("v29-review-tally") { db in
            // The tallies again, with the plans waiting for a first meeting (v28's marks): v11's
            // triggers and counts dropped, the newly frozen script run.
            for trigger in [
                "plan_insert", "plan_delete", "plan_update", "intervention_insert", "intervention_delete",
                "intervention_update", "child_update", "deviation_insert", "deviation_delete", "deviation_update",
            ] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS reviewTally_\(trigger)")
            }
            try db.execute(sql: "DROP TABLE reviewTally")
            try db.execute(sql: FrozenSQL.text("v29-review-tally.sql"))
        }
        return migrator
    }

    /// Dates are ISO text; `x IS date(x, '+0 days')` rejects any that do not exist.
    private static let v1 = """
        CREATE TABLE agencyKind (
            code TEXT PRIMARY KEY NOT NULL CHECK (code GLOB '[a-z]*' AND length(code) <= 40),
            nameSv TEXT NOT NULL CHECK (length(nameSv) BETWEEN 1 AND 120),
            nameEn TEXT NOT NULL CHECK (length(nameEn) BETWEEN 1 AND 120),
            defaultPrincipal TEXT NOT NULL CHECK (defaultPrincipal IN ('kommun','region','privat','stat','annan'))
        );
        CREATE TABLE deviationKind (
            code TEXT PRIMARY KEY NOT NULL CHECK (code GLOB '[a-z]*' AND length(code) <= 40),
            nameSv TEXT NOT NULL CHECK (length(nameSv) BETWEEN 1 AND 120),
            nameEn TEXT NOT NULL CHECK (length(nameEn) BETWEEN 1 AND 120)
        );
        CREATE TABLE agendaTemplate (
            position INTEGER PRIMARY KEY NOT NULL,
            code TEXT NOT NULL UNIQUE,
            titleSv TEXT NOT NULL,
            titleEn TEXT NOT NULL,
            guidanceSv TEXT NOT NULL
        );
        CREATE TABLE busGroup (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120)
        );
        CREATE TABLE agency (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL REFERENCES agencyKind(code),
            principalType TEXT NOT NULL CHECK (principalType IN ('kommun','region','privat','stat','annan')),
            principalName TEXT NOT NULL CHECK (length(principalName) BETWEEN 1 AND 120),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
            busGroupId INTEGER REFERENCES busGroup(id) ON DELETE SET NULL
        );
        CREATE INDEX agency_busGroup ON agency(busGroupId);
        CREATE TABLE contactPerson (
            id INTEGER PRIMARY KEY,
            agencyId INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
            role TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 120),
            phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
            email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 120)
        );
        CREATE INDEX contactPerson_agency ON contactPerson(agencyId);
        CREATE TABLE child (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
            personalNumber TEXT UNIQUE CHECK (personalNumber IS NULL OR
                (length(personalNumber) = 12 AND personalNumber NOT GLOB '*[^0-9]*')),
            birthDate TEXT NOT NULL CHECK (birthDate IS date(birthDate, '+0 days')),
            sex TEXT NOT NULL CHECK (sex IN ('flicka','pojke','annat','okant'))
        );
        CREATE INDEX child_name ON child(name);
        CREATE TABLE familyMember (
            id INTEGER PRIMARY KEY,
            childId INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('guardian','relative')),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
            relation TEXT NOT NULL DEFAULT '' CHECK (length(relation) <= 120),
            phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
            email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 120),
            address TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 300),
            invited INTEGER NOT NULL DEFAULT 0 CHECK (invited IN (0, 1))
        );
        CREATE INDEX familyMember_child ON familyMember(childId);
        CREATE TABLE "plan" (
            id INTEGER PRIMARY KEY,
            childId INTEGER NOT NULL REFERENCES child(id),
            busGroupId INTEGER NOT NULL REFERENCES busGroup(id),
            initiatorKind TEXT NOT NULL CHECK (initiatorKind IN ('guardian','child','agency')),
            initiatorAgencyId INTEGER REFERENCES agency(id),
            initiatorPerson TEXT NOT NULL DEFAULT '' CHECK (length(initiatorPerson) <= 120),
            requestDate TEXT NOT NULL CHECK (requestDate IS date(requestDate, '+0 days')),
            reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 4000),
            questions TEXT NOT NULL DEFAULT '' CHECK (length(questions) <= 4000),
            currentSituation TEXT NOT NULL DEFAULT '' CHECK (length(currentSituation) <= 4000),
            childView TEXT NOT NULL DEFAULT '' CHECK (length(childView) <= 4000),
            childGoals TEXT NOT NULL DEFAULT '' CHECK (length(childGoals) <= 4000),
            longTermGoals TEXT NOT NULL DEFAULT '' CHECK (length(longTermGoals) <= 4000),
            shortTermGoals TEXT NOT NULL DEFAULT '' CHECK (length(shortTermGoals) <= 4000),
            familyOwnActions TEXT NOT NULL DEFAULT '' CHECK (length(familyOwnActions) <= 4000),
            leadAgencyId INTEGER REFERENCES agency(id),
            leadPerson TEXT NOT NULL DEFAULT '' CHECK (length(leadPerson) <= 120),
            coordinator TEXT NOT NULL DEFAULT '' CHECK (length(coordinator) <= 120),
            status TEXT NOT NULL CHECK (status IN ('draft','invited','active','follow_up_due','closed')),
            closedReason TEXT CHECK (length(closedReason) <= 500),
            followUpDate TEXT CHECK (followUpDate IS NULL OR followUpDate IS date(followUpDate, '+0 days')),
            followUpCaller TEXT NOT NULL DEFAULT '' CHECK (length(followUpCaller) <= 120),
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL,
            CHECK (status <> 'closed' OR IFNULL(length(trim(closedReason)), 0) > 0),
            CHECK (initiatorKind <> 'agency' OR initiatorAgencyId IS NOT NULL)
        );
        CREATE INDEX plan_status_followUp ON "plan"(status, followUpDate);
        CREATE INDEX plan_group_status ON "plan"(busGroupId, status);
        CREATE INDEX plan_child ON "plan"(childId);
        CREATE INDEX plan_leadAgency ON "plan"(leadAgencyId);
        CREATE TABLE planStatusChange (
            id INTEGER PRIMARY KEY,
            planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE,
            fromStatus TEXT CHECK (fromStatus IN ('draft','invited','active','follow_up_due','closed')),
            toStatus TEXT NOT NULL CHECK (toStatus IN ('draft','invited','active','follow_up_due','closed')),
            changedAt DATETIME NOT NULL,
            changedBy TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000)
        );
        CREATE INDEX planStatusChange_plan ON planStatusChange(planId, changedAt);
        CREATE TABLE participant (
            id INTEGER PRIMARY KEY,
            planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE,
            agencyId INTEGER REFERENCES agency(id),
            familyMemberId INTEGER REFERENCES familyMember(id) ON DELETE SET NULL,
            person TEXT NOT NULL CHECK (length(person) BETWEEN 1 AND 120),
            role TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 120),
            invitationKind TEXT NOT NULL CHECK (invitationKind IN ('kallelse','inbjudan'))
        );
        CREATE INDEX participant_plan ON participant(planId);
        CREATE INDEX participant_agency ON participant(agencyId);
        CREATE TABLE consent (
            id INTEGER PRIMARY KEY,
            planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE,
            givenByMemberId INTEGER REFERENCES familyMember(id),
            givenByChild INTEGER NOT NULL DEFAULT 0 CHECK (givenByChild IN (0, 1)),
            information TEXT NOT NULL CHECK (length(information) BETWEEN 1 AND 500),
            form TEXT NOT NULL CHECK (form IN ('written','oral')),
            validFrom TEXT NOT NULL CHECK (validFrom IS date(validFrom, '+0 days')),
            validTo TEXT CHECK (validTo IS NULL OR (validTo IS date(validTo, '+0 days') AND validTo >= validFrom)),
            withdrawnOn TEXT CHECK (withdrawnOn IS NULL OR withdrawnOn IS date(withdrawnOn, '+0 days')),
            recordedAt DATETIME NOT NULL,
            recordedBy TEXT NOT NULL,
            CHECK ((givenByMemberId IS NOT NULL) + givenByChild = 1)
        );
        CREATE INDEX consent_plan ON consent(planId);
        CREATE TABLE consentAgency (
            consentId INTEGER NOT NULL REFERENCES consent(id) ON DELETE CASCADE,
            agencyId INTEGER NOT NULL REFERENCES agency(id),
            PRIMARY KEY (consentId, agencyId)
        ) WITHOUT ROWID;
        CREATE TABLE meeting (
            id INTEGER PRIMARY KEY,
            planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('first','follow_up')),
            startsAt DATETIME NOT NULL,
            durationMinutes INTEGER NOT NULL CHECK (durationMinutes BETWEEN 5 AND 600),
            place TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 300),
            videoLink TEXT NOT NULL DEFAULT '' CHECK (length(videoLink) <= 300),
            minutes TEXT NOT NULL DEFAULT '' CHECK (length(minutes) <= 4000),
            held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1))
        );
        CREATE INDEX meeting_plan ON meeting(planId, startsAt);
        CREATE INDEX meeting_startsAt ON meeting(startsAt);
        CREATE TABLE agendaItem (
            id INTEGER PRIMARY KEY,
            meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
            notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
            UNIQUE (meetingId, position)
        );
        CREATE TABLE attendance (
            meetingId INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            participantId INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('present','absent_with_notice','absent_without_notice','declined')),
            PRIMARY KEY (meetingId, participantId)
        ) WITHOUT ROWID;
        CREATE TABLE intervention (
            id INTEGER PRIMARY KEY,
            planId INTEGER NOT NULL REFERENCES "plan"(id) ON DELETE CASCADE,
            what TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
            agencyId INTEGER NOT NULL REFERENCES agency(id),
            person TEXT NOT NULL DEFAULT '' CHECK (length(person) <= 120),
            frequency TEXT NOT NULL DEFAULT '' CHECK (length(frequency) <= 120),
            startDate TEXT NOT NULL CHECK (startDate IS date(startDate, '+0 days')),
            dueDate TEXT NOT NULL CHECK (dueDate IS date(dueDate, '+0 days') AND dueDate >= startDate),
            status TEXT NOT NULL CHECK (status IN ('planned','ongoing','done','not_delivered')),
            comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 4000)
        );
        CREATE INDEX intervention_plan ON intervention(planId);
        CREATE INDEX intervention_status_due ON intervention(status, dueDate);
        CREATE INDEX intervention_agency ON intervention(agencyId);
        CREATE TABLE deviation (
            id INTEGER PRIMARY KEY,
            reportingAgencyId INTEGER NOT NULL REFERENCES agency(id),
            concernedAgencyId INTEGER NOT NULL REFERENCES agency(id),
            planId INTEGER REFERENCES "plan"(id) ON DELETE SET NULL,
            occurredOn TEXT NOT NULL CHECK (occurredOn IS date(occurredOn, '+0 days')),
            kind TEXT NOT NULL REFERENCES deviationKind(code),
            description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
            localAction TEXT NOT NULL DEFAULT '' CHECK (length(localAction) <= 4000),
            status TEXT NOT NULL CHECK (status IN ('registered','sent','answered','closed')),
            response TEXT CHECK (length(response) <= 4000),
            responseDate TEXT CHECK (responseDate IS NULL OR responseDate IS date(responseDate, '+0 days')),
            responseDue TEXT NOT NULL CHECK (responseDue IS date(responseDue, '+0 days')),
            createdAt DATETIME NOT NULL,
            CHECK (status <> 'answered' OR (response IS NOT NULL AND responseDate IS NOT NULL))
        );
        CREATE INDEX deviation_status_due ON deviation(status, responseDue);
        CREATE INDEX deviation_plan ON deviation(planId);
        CREATE INDEX deviation_concerned ON deviation(concernedAgencyId);
        CREATE INDEX deviation_kind_occurred ON deviation(kind, occurredOn);
        CREATE TABLE auditLog (
            id INTEGER PRIMARY KEY,
            at DATETIME NOT NULL,
            user TEXT NOT NULL,
            entity TEXT NOT NULL,
            entityId INTEGER,
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX auditLog_entity ON auditLog(entity, entityId, at);
        CREATE INDEX auditLog_user ON auditLog(user, at);
        CREATE TRIGGER auditLog_noUpdate BEFORE UPDATE ON auditLog
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER auditLog_noDelete BEFORE DELETE ON auditLog
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        """
}

/// The plain-text files in `data/`: TAB-separated, `#` comments, blank lines ignored.
public enum DataFile {
    /// The fictional example register (`data/register`): what an area would import, and the demo does.
    public static func registerPath() throws -> String {
        guard let url = Bundle.module.url(forResource: "data/register", withExtension: nil) else {
            throw SIPError.storage("missing data folder register")
        }
        return url.path
    }

    public static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "data/" + name, withExtension: nil) else {
            throw SIPError.storage("missing data file \(name)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Data lines of a file, split on TAB; each must have at least `columns` fields.
    public static func rows(_ name: String, columns: Int) throws -> [[String]] {
        try text(name).split(separator: "\n").compactMap { line -> [String]? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= columns else {
                throw SIPError.storage("data file \(name): expected \(columns) fields in: \(trimmed)")
            }
            return fields
        }
    }
}
