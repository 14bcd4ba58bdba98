import GRDB

/// The store's schema, one migration per version. A migration that has been
/// released is never edited: changes come as new migrations appended below,
/// and tables are named by strings, not by Swift types, so that renaming a
/// type can never change what an old migration does.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1: articles, images, flags, teasers") { db in
            try db.execute(sql: """
                CREATE TABLE article (
                    id INTEGER PRIMARY KEY,
                    identity TEXT NOT NULL UNIQUE,
                    guid TEXT,
                    url TEXT,
                    title TEXT NOT NULL,
                    source TEXT NOT NULL,
                    published REAL,
                    published_offset INTEGER,
                    published_has_time INTEGER NOT NULL DEFAULT 1,
                    sort_date REAL NOT NULL,
                    author TEXT,
                    language TEXT,
                    categories TEXT NOT NULL DEFAULT '[]',
                    body TEXT NOT NULL,
                    origin_kind TEXT NOT NULL,
                    origin_location TEXT NOT NULL,
                    is_read INTEGER NOT NULL DEFAULT 0,
                    content_hash TEXT NOT NULL,
                    added_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX article_newest_first ON article(sort_date DESC, id DESC);

                CREATE TABLE image (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE
                );
                CREATE TABLE article_image (
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    image_id INTEGER NOT NULL REFERENCES image(id),
                    PRIMARY KEY (article_id, position)
                ) WITHOUT ROWID;
                CREATE INDEX article_image_by_image ON article_image(image_id);

                CREATE TABLE flag (
                    image_id INTEGER NOT NULL REFERENCES image(id),
                    user TEXT NOT NULL,
                    flagged_at REAL NOT NULL,
                    PRIMARY KEY (image_id, user)
                ) WITHOUT ROWID;

                CREATE TABLE teaser (
                    id INTEGER PRIMARY KEY,
                    identity TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    source TEXT,
                    url TEXT,
                    origin_location TEXT NOT NULL,
                    first_seen REAL NOT NULL,
                    last_seen REAL NOT NULL
                );
                CREATE INDEX teaser_newest_first ON teaser(last_seen DESC, id DESC);
                """)
        }
        migrator.registerMigration("v2: full-text search") { db in
            // Holds analysed terms (see FrenchAnalyzer), not the raw text:
            // stems and elisions are handled before FTS5 sees the words, and
            // unicode61 folds whatever case and accents remain.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE article_search USING fts5(
                    title, body, tokenize = 'unicode61 remove_diacritics 2'
                )
                """)
        }
        migrator.registerMigration("v3: blocks are recorded") { db in
            // Once enough people have flagged an image it stays blocked for
            // everybody, whatever threshold another reader's config says.
            try db.execute(sql: "ALTER TABLE image ADD COLUMN blocked_at REAL")
        }
        migrator.registerMigration("v4: subscriptions") { db in
            try db.execute(sql: """
                CREATE TABLE feed (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE,
                    name TEXT,
                    etag TEXT,
                    last_modified TEXT,
                    last_fetch REAL,
                    status TEXT,
                    error TEXT,
                    added_at REAL NOT NULL
                );
                CREATE INDEX article_by_origin ON article(origin_location);
                """)
        }
        migrator.registerMigration("v5: store facts") { db in
            try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
        }
        migrator.registerMigration("v6: full text from the web page") { db in
            // A feed can ask for each summary-only item's page to be read;
            // an article whose body came from its page says so, so that the
            // feed's summary never overwrites it on the next fetch.
            try db.execute(sql: """
                ALTER TABLE feed ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE article ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v7: unchanged input is recognised") { db in
            // A document (file) imported whole: its size and hash, so the same
            // bytes imported again are skipped without being parsed, and how
            // many articles it held, for the summary.
            try db.execute(sql: """
                CREATE TABLE document (
                    location TEXT PRIMARY KEY,
                    size INTEGER NOT NULL,
                    hash INTEGER NOT NULL,
                    articles INTEGER NOT NULL,
                    imported_at REAL NOT NULL
                ) WITHOUT ROWID;
                ALTER TABLE article ADD COLUMN raw_hash INTEGER;
                """)
            // The list's unread count, asked at every page, reads this small
            // index instead of every article row (150 ms at 100,000).
            try db.execute(sql: "CREATE INDEX article_unread ON article(id) WHERE is_read = 0")
        }
        migrator.registerMigration("v8: search index without a copy of the text") { db in
            // The index keeps no copy of what it was given (content=''): the
            // copy was a quarter of a large store, written twice at import,
            // and never read (snippets come from the article's body). An
            // entry is then removed by giving FTS5 back the terms it was made
            // of (see ArticleWriter), and the index is rebuilt whole when the
            // analyzer changes (see reindexIfNeeded). Removing the fact that
            // the index is complete has the new, empty one rebuilt at the
            // next opening of the store. unicode61 still folds what the
            // analyzer leaves (accented Latin letters past its table, as
            // Vietnamese writes them).
            try db.execute(sql: """
                DROP TABLE article_search;
                CREATE VIRTUAL TABLE article_search USING fts5(
                    title, body, content = '', tokenize = 'unicode61 remove_diacritics 2'
                );
                DELETE FROM meta WHERE key = 'search_index';
                """)
            // Terms wait in memory until 16 MiB of them (not FTS5's 1 MiB)
            // before going to disk as a segment: a large import then writes
            // and merges a sixteenth as many segments, and builds its index
            // in two thirds of the time. Each document's commit still writes
            // a segment; merging them 16 at a time rather than 4 saves a
            // third of the index's work when a hundred feeds are imported,
            // and a search still reads few enough segments (5 ms, measured).
            try db.execute(sql: """
                INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 16777216);
                INSERT INTO article_search (article_search, rank) VALUES ('automerge', 16);
                """)
        }
        migrator.registerMigration("v9: search index split at ASCII only") { db in
            // The analyzer now folds every alphabet's case and accents itself
            // (FrenchAnalyzer version 2), so the index only needs to cut its
            // terms at the spaces between them: FTS5's ascii tokenizer does
            // just that, where unicode61 looked up every character again (a
            // third of the index's time on accented words in a Python/SQLite
            // test; little on the analyzer's output, which is mostly ASCII).
            // The index is rebuilt at the next opening, as after v8, with the
            // same settings.
            try db.execute(sql: """
                DROP TABLE article_search;
                CREATE VIRTUAL TABLE article_search USING fts5(
                    title, body, content = '', tokenize = 'ascii'
                );
                DELETE FROM meta WHERE key = 'search_index';
                INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 16777216);
                INSERT INTO article_search (article_search, rank) VALUES ('automerge', 16);
                """)
        }
        migrator.registerMigration("v10: search index cut at spaces only") { db in
            // The analyzer's terms are cut by kiosque's own tokenizer, which
            // hands over each term between two spaces as it lies (see
            // SearchTokenizer.h): ascii copied and lowercased every byte
            // again, a tenth of the index's time. Apostrophes now stay
            // inside a term ("aujourd'hui" was two). Rebuilt at the next
            // opening, with the same settings.
            try db.execute(sql: """
                DROP TABLE article_search;
                CREATE VIRTUAL TABLE article_search USING fts5(
                    title, body, content = '', tokenize = 'kiosque_terms'
                );
                DELETE FROM meta WHERE key = 'search_index';
                INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 16777216);
                INSERT INTO article_search (article_search, rank) VALUES ('automerge', 16);
                """)
        }
        migrator.registerMigration("v11: the read articles indexed, not the unread ones") { db in
            // The unread count is now all the articles less the read ones
            // (see `unreadCount`): an import adds no entry to this index,
            // where it added every new article to `article_unread`.
            try db.execute(sql: """
                DROP INDEX article_unread;
                CREATE INDEX article_read ON article(id) WHERE is_read = 1;
                """)
        }
        migrator.registerMigration("v12: search index of kiosque's own") { db in
            // FTS5 gave way to an index written by kiosque (see
            // SearchSegments and PendingPostings): the same terms, phrases
            // and ranking. With tens of thousands of terms, FTS5 alone took
            // 2.6 s of a 100,000-item import; SQLite now writes the index's
            // rows in 0.3 s, and kiosque's grouping of them costs less than
            // FTS5's waits for memory did. `search_doc` numbers each
            // version of an article (see PendingSearchIndex); `search_total`
            // keeps the counts ranking needs, which counting would read
            // every row for. Rebuilt at the next opening, like the ones
            // before.
            try db.execute(sql: """
                DROP TABLE article_search;
                CREATE TABLE search_doc (
                    doc INTEGER PRIMARY KEY,
                    article INTEGER NOT NULL UNIQUE,
                    title_terms INTEGER NOT NULL,
                    body_terms INTEGER NOT NULL
                );
                CREATE TABLE search_segment (
                    segment INTEGER PRIMARY KEY,
                    level INTEGER NOT NULL,
                    first_document INTEGER NOT NULL,
                    last_document INTEGER NOT NULL
                );
                CREATE TABLE search_block (
                    segment INTEGER NOT NULL,
                    first_term BLOB NOT NULL,
                    entries BLOB NOT NULL,
                    PRIMARY KEY (segment, first_term)
                ) WITHOUT ROWID;
                CREATE TABLE search_total (
                    next_document INTEGER NOT NULL,
                    documents INTEGER NOT NULL,
                    terms INTEGER NOT NULL
                );
                INSERT INTO search_total VALUES (1, 0, 0);
                DELETE FROM meta WHERE key = 'search_index';
                """)
        }
        return migrator
    }
}
