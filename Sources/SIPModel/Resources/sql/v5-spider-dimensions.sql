-- Reference rows from data/spider-dimensions.tsv, frozen for migration v5: never edit.
INSERT INTO spiderDimension (position, code, nameSv, nameEn) VALUES (1, 'mandat', 'Mandat och uppdrag', 'Mandate');
INSERT INTO spiderDimension (position, code, nameSv, nameEn) VALUES (2, 'struktur', 'Struktur och mötesrutiner', 'Structure and meeting routines');
INSERT INTO spiderDimension (position, code, nameSv, nameEn) VALUES (3, 'mal', 'Gemensamma mål', 'Shared goals');
INSERT INTO spiderDimension (position, code, nameSv, nameEn) VALUES (4, 'kannedom', 'Kännedom om varandras uppdrag', 'Knowledge of each other''s tasks');
INSERT INTO spiderDimension (position, code, nameSv, nameEn) VALUES (5, 'sip', 'Användning av SIP', 'Use of SIP');
INSERT INTO spiderDimension (position, code, nameSv, nameEn) VALUES (6, 'avvikelser', 'Avvikelsehantering', 'Deviation handling');
INSERT INTO spiderDimension (position, code, nameSv, nameEn) VALUES (7, 'delaktighet', 'Barns och familjers delaktighet', 'Participation of children and families');
