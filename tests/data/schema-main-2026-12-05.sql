-- The schema of a database made by tracker ingest on main, 2026-12-05 (before schema versions):
-- tests/test_schema.py upgrades a database made with it. sqlite_master's statements, in their order;
-- the full-text tables' shadow tables are made by their CREATE VIRTUAL TABLE.
CREATE TABLE "articles" (
   "id" INTEGER PRIMARY KEY,
   "source" TEXT,
   "content_hash" TEXT NOT NULL,
   "title" TEXT,
   "url" TEXT,
   "outlet" TEXT,
   "published" TEXT,
   "text" TEXT NOT NULL,
   "ingested_at" TEXT
);
CREATE TABLE "sentences" (
   "id" INTEGER PRIMARY KEY,
   "article_id" INTEGER REFERENCES "articles"("id"),
   "idx" INTEGER,
   "start" INTEGER,
   "end" INTEGER,
   "text" TEXT,
   "boilerplate" INTEGER,
   "checkworthiness" REAL,
   "paragraph" INTEGER
);
CREATE TABLE "speakers" (
   "id" INTEGER PRIMARY KEY,
   "name" TEXT NOT NULL,
   "kind" TEXT,
   "role" TEXT,
   "aliases" TEXT,
   "affiliation" TEXT,
   "anonymous" INTEGER,
   "roles" TEXT,
   "key" TEXT NOT NULL
);
CREATE TABLE "quotes" (
   "id" INTEGER PRIMARY KEY,
   "article_id" INTEGER REFERENCES "articles"("id"),
   "sentence_id" INTEGER REFERENCES "sentences"("id"),
   "kind" TEXT,
   "content" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "cue" TEXT,
   "cue_start" INTEGER,
   "cue_end" INTEGER,
   "speaker_mention" TEXT,
   "speaker_start" INTEGER,
   "speaker_end" INTEGER,
   "speaker_id" INTEGER REFERENCES "speakers"("id")
);
CREATE TABLE "claims" (
   "id" INTEGER PRIMARY KEY,
   "article_id" INTEGER REFERENCES "articles"("id"),
   "sentence_id" INTEGER REFERENCES "sentences"("id"),
   "kind" TEXT,
   "text" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "quote_id" INTEGER REFERENCES "quotes"("id"),
   "speaker_id" INTEGER REFERENCES "speakers"("id"),
   "raw_number" TEXT,
   "value" REAL,
   "low" REAL,
   "high" REAL,
   "unit" TEXT,
   "qualifier" TEXT,
   "reference" TEXT,
   "flags" TEXT
);
CREATE TABLE "ingest_errors" (
   "id" INTEGER PRIMARY KEY,
   "source" TEXT,
   "error" TEXT,
   "at" TEXT
);
CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (
    "title", "text",
    tokenize='porter',
    content="articles"
);
CREATE TRIGGER "articles_ai" AFTER INSERT ON "articles" BEGIN
  INSERT INTO "articles_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END;
CREATE TRIGGER "articles_ad" AFTER DELETE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text") VALUES('delete', old.rowid, old."title", old."text");
END;
CREATE TRIGGER "articles_au" AFTER UPDATE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text") VALUES('delete', old.rowid, old."title", old."text");
  INSERT INTO "articles_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END;
CREATE VIRTUAL TABLE "sentences_fts" USING FTS5 (
    "text",
    tokenize='porter',
    content="sentences"
);
CREATE TRIGGER "sentences_ai" AFTER INSERT ON "sentences" BEGIN
  INSERT INTO "sentences_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "sentences_ad" AFTER DELETE ON "sentences" BEGIN
  INSERT INTO "sentences_fts" ("sentences_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE TRIGGER "sentences_au" AFTER UPDATE ON "sentences" BEGIN
  INSERT INTO "sentences_fts" ("sentences_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "sentences_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE VIRTUAL TABLE "speakers_fts" USING FTS5 (
    "name", "aliases", "role",
    tokenize='porter',
    content="speakers"
);
CREATE TRIGGER "speakers_ai" AFTER INSERT ON "speakers" BEGIN
  INSERT INTO "speakers_fts" (rowid, "name", "aliases", "role") VALUES (new.rowid, new."name", new."aliases", new."role");
END;
CREATE TRIGGER "speakers_ad" AFTER DELETE ON "speakers" BEGIN
  INSERT INTO "speakers_fts" ("speakers_fts", rowid, "name", "aliases", "role") VALUES('delete', old.rowid, old."name", old."aliases", old."role");
END;
CREATE TRIGGER "speakers_au" AFTER UPDATE ON "speakers" BEGIN
  INSERT INTO "speakers_fts" ("speakers_fts", rowid, "name", "aliases", "role") VALUES('delete', old.rowid, old."name", old."aliases", old."role");
  INSERT INTO "speakers_fts" (rowid, "name", "aliases", "role") VALUES (new.rowid, new."name", new."aliases", new."role");
END;
CREATE VIRTUAL TABLE "quotes_fts" USING FTS5 (
    "content", "speaker_mention", "cue",
    tokenize='porter',
    content="quotes"
);
CREATE TRIGGER "quotes_ai" AFTER INSERT ON "quotes" BEGIN
  INSERT INTO "quotes_fts" (rowid, "content", "speaker_mention", "cue") VALUES (new.rowid, new."content", new."speaker_mention", new."cue");
END;
CREATE TRIGGER "quotes_ad" AFTER DELETE ON "quotes" BEGIN
  INSERT INTO "quotes_fts" ("quotes_fts", rowid, "content", "speaker_mention", "cue") VALUES('delete', old.rowid, old."content", old."speaker_mention", old."cue");
END;
CREATE TRIGGER "quotes_au" AFTER UPDATE ON "quotes" BEGIN
  INSERT INTO "quotes_fts" ("quotes_fts", rowid, "content", "speaker_mention", "cue") VALUES('delete', old.rowid, old."content", old."speaker_mention", old."cue");
  INSERT INTO "quotes_fts" (rowid, "content", "speaker_mention", "cue") VALUES (new.rowid, new."content", new."speaker_mention", new."cue");
END;
CREATE VIRTUAL TABLE "claims_fts" USING FTS5 (
    "text", "unit", "reference",
    tokenize='porter',
    content="claims"
);
CREATE TRIGGER "claims_ai" AFTER INSERT ON "claims" BEGIN
  INSERT INTO "claims_fts" (rowid, "text", "unit", "reference") VALUES (new.rowid, new."text", new."unit", new."reference");
END;
CREATE TRIGGER "claims_ad" AFTER DELETE ON "claims" BEGIN
  INSERT INTO "claims_fts" ("claims_fts", rowid, "text", "unit", "reference") VALUES('delete', old.rowid, old."text", old."unit", old."reference");
END;
CREATE TRIGGER "claims_au" AFTER UPDATE ON "claims" BEGIN
  INSERT INTO "claims_fts" ("claims_fts", rowid, "text", "unit", "reference") VALUES('delete', old.rowid, old."text", old."unit", old."reference");
  INSERT INTO "claims_fts" (rowid, "text", "unit", "reference") VALUES (new.rowid, new."text", new."unit", new."reference");
END;
CREATE UNIQUE INDEX "idx_articles_content_hash"
    ON "articles" ("content_hash");
CREATE INDEX "idx_articles_source"
    ON "articles" ("source");
CREATE UNIQUE INDEX "idx_speakers_key"
    ON "speakers" ("key");
CREATE UNIQUE INDEX "idx_sentences_article_id_idx"
    ON "sentences" ("article_id", "idx");
CREATE INDEX "idx_quotes_kind"
    ON "quotes" ("kind");
CREATE INDEX "idx_quotes_cue"
    ON "quotes" ("cue");
CREATE INDEX "idx_claims_kind"
    ON "claims" ("kind");
CREATE INDEX "idx_claims_unit"
    ON "claims" ("unit");
CREATE INDEX "idx_claims_qualifier"
    ON "claims" ("qualifier");
CREATE INDEX "idx_claims_value"
    ON "claims" ("value");
CREATE INDEX "idx_sentences_checkworthiness"
    ON "sentences" ("checkworthiness");
CREATE INDEX "idx_sentences_article_id"
    ON "sentences" ("article_id");
CREATE INDEX "idx_quotes_speaker_id"
    ON "quotes" ("speaker_id");
CREATE INDEX "idx_quotes_sentence_id"
    ON "quotes" ("sentence_id");
CREATE INDEX "idx_quotes_article_id"
    ON "quotes" ("article_id");
CREATE INDEX "idx_claims_speaker_id"
    ON "claims" ("speaker_id");
CREATE INDEX "idx_claims_quote_id"
    ON "claims" ("quote_id");
CREATE INDEX "idx_claims_sentence_id"
    ON "claims" ("sentence_id");
CREATE INDEX "idx_claims_article_id"
    ON "claims" ("article_id");
