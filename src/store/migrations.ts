// The schema as code, applied by Kysely's Migrator. Migrations are append-only: never edit a
// released one, add the next. Each takes the dialect for the few statements that differ.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { StoreDialect } from './dialect.js';
import { searchVector } from './search-terms.js';
import { resolveAgain } from './write.js';
import { aliasList } from './read.js';
import type { Trx } from './dialect.js';

function idColumn(d: StoreDialect) {
  return (col: any) => (d.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey());
}

export function migrations(d: StoreDialect): Record<string, Migration> {
  const id = idColumn(d);
  return {
    '0001_documents': {
      async up(db: Kysely<any>) {
        await db.schema.createTable('documents')
          .addColumn('id', d.idType, id)
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('latest', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('title', 'text')
          .addColumn('author', 'text')
          .addColumn('publisher', 'text')
          .addColumn('published_at', 'text')
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('added_at', 'text', (c) => c.notNull())
          .addColumn('analysis', 'text', (c) => c.notNull())
          .addUniqueConstraint('documents_source_version', ['source', 'version'])
          .execute();
        await db.schema.createIndex('documents_hash').on('documents').column('content_hash').execute();
        await d.createSearchIndex(db);

        await db.schema.createTable('comments')
          .addColumn('id', d.idType, id)
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('comment_id', 'text', (c) => c.notNull())
          .addColumn('parent_id', 'text')
          .addColumn('author', 'text')
          .addColumn('posted_at', 'text')
          .addColumn('text', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('comments_document').on('comments').column('document_id').execute();

        await db.schema.createTable('global_entities')
          .addColumn('id', d.idType, id)
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('global_entities_key').on('global_entities').column('key').execute();
        await db.schema.createTable('global_aliases')
          .addColumn('global_id', 'integer', (c) => c.notNull().references('global_entities.id').onDelete('cascade'))
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('norm', 'text', (c) => c.notNull())
          .addColumn('alias', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('global_aliases_pk', ['type', 'norm', 'global_id'])
          .execute();
        await db.schema.createIndex('global_aliases_global').on('global_aliases').column('global_id').execute();

        await db.schema.createTable('entities')
          .addColumn('id', d.idType, id)
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('aliases', 'text', (c) => c.notNull())
          .addColumn('global_id', 'integer', (c) => c.notNull().references('global_entities.id'))
          .execute();
        await db.schema.createIndex('entities_document').on('entities').columns(['document_id', 'local_id']).execute();
        await db.schema.createIndex('entities_global').on('entities').column('global_id').execute();

        await db.schema.createTable('mentions')
          .addColumn('id', d.idType, id)
          .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('container', 'text', (c) => c.notNull())
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('mentions_entity').on('mentions').column('entity_id').execute();

        await db.schema.createTable('quotes')
          .addColumn('id', d.idType, id)
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('container', 'text', (c) => c.notNull())
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('content', 'text', (c) => c.notNull())
          .addColumn('direct', 'integer', (c) => c.notNull())
          .addColumn('cue', 'text')
          .addColumn('speaker_text', 'text', (c) => c.notNull())
          .addColumn('speaker_entity', 'text')
          .addColumn('via', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('quotes_document').on('quotes').column('document_id').execute();

        await db.schema.createTable('events')
          .addColumn('id', d.idType, id)
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('container', 'text', (c) => c.notNull())
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('cameo', 'text', (c) => c.notNull())
          .addColumn('date', 'text')
          .addColumn('actors', 'text', (c) => c.notNull())
          .addColumn('place_local_id', 'text')
          .addColumn('quote_local_id', 'text')
          .execute();
        await db.schema.createIndex('events_document').on('events').column('document_id').execute();
        await db.schema.createIndex('events_date').on('events').column('date').execute();

        await db.schema.createTable('claim_groups')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('origins', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createTable('claim_members')
          .addColumn('id', d.idType, id)
          .addColumn('claim_group_id', 'text', (c) => c.notNull().references('claim_groups.id').onDelete('cascade'))
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('quote_local_id', 'text')
          .addColumn('sentence', 'text')
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('origin', 'text', (c) => c.notNull())
          .addColumn('origin_kind', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('claim_members_group').on('claim_members').column('claim_group_id').execute();

        await db.schema.createTable('sources')
          .addColumn('id', d.idType, id)
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('reliability', 'text')
          .addColumn('reason', 'text')
          .addUniqueConstraint('sources_name_kind', ['name', 'kind'])
          .execute();
        await db.schema.createTable('hypotheses')
          .addColumn('id', d.idType, id)
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createTable('ratings')
          .addColumn('id', d.idType, id)
          .addColumn('evidence_kind', 'text', (c) => c.notNull())
          .addColumn('evidence_id', 'text', (c) => c.notNull())
          .addColumn('hypothesis_id', 'integer', (c) => c.notNull().references('hypotheses.id').onDelete('cascade'))
          .addColumn('rating', 'text', (c) => c.notNull())
          .addColumn('weight', 'real', (c) => c.notNull().defaultTo(1))
          .addColumn('proposed', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('note', 'text')
          .addUniqueConstraint('ratings_evidence_hypothesis', ['evidence_kind', 'evidence_id', 'hypothesis_id'])
          .execute();
        await db.schema.createTable('credibility')
          .addColumn('claim_group_id', 'text', (c) => c.primaryKey())
          .addColumn('credibility', 'integer', (c) => c.notNull())
          .addColumn('reason', 'text')
          .execute();
        await db.schema.createTable('settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
        await sql`select 1`.execute(db);
      },
    },
    '0002_alias_lookup': {
      // adding a document looks its entities' forms up by norm alone; the primary key leads with type
      async up(db: Kysely<any>) {
        await db.schema.createIndex('global_aliases_norm').on('global_aliases').column('norm').execute();
        await db.schema.createIndex('mentions_document').on('mentions').column('document_id').execute();
      },
    },
    '0003_document_compression': {
      // PostgreSQL compresses large values with pglz unless told otherwise; lz4 (where the server has
      // it) stores a document's text, analysis JSON and search vector at a third of the CPU. SQLite
      // does not compress.
      async up(db: Kysely<any>) {
        if (d.name !== 'postgres') return;
        const r = await sql<{ lz4: boolean }>`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db);
        if (r.rows[0]?.lz4) {
          await sql`alter table documents alter column text set compression lz4, alter column analysis set compression lz4, alter column search set compression lz4`.execute(db);
        }
      },
    },
    '0004_document_parts_unchecked': {
      // PostgreSQL checks a foreign key with one query per inserted row: half the cost of storing a
      // document's mentions, quotes and events. These rows are written only by the batch writer
      // (write.ts), in the transaction that inserts their document and entities, with ids it has just
      // been given back, and documents are never deleted, so the keys guard nothing the writer does
      // not. SQLite checks keys in-process for next to nothing and keeps them (dropping one there
      // means rebuilding the table). entities.global_id keeps its key: merges rewrite it.
      async up(db: Kysely<any>) {
        if (d.name !== 'postgres') return;
        await sql`alter table mentions drop constraint if exists mentions_entity_id_fkey, drop constraint if exists mentions_document_id_fkey`.execute(db);
        await sql`alter table quotes drop constraint if exists quotes_document_id_fkey`.execute(db);
        await sql`alter table events drop constraint if exists events_document_id_fkey`.execute(db);
        await sql`alter table comments drop constraint if exists comments_document_id_fkey`.execute(db);
        await sql`alter table entities drop constraint if exists entities_document_id_fkey`.execute(db);
      },
    },
    '0005_search_vector_from_writer': {
      // PostgreSQL: documents.search was generated by to_tsvector('english', …), whose text parser cost
      // about as much as everything else storing a document. The writer now makes the vector itself
      // (search-terms.ts) and queries are stemmed by the same code, so stored documents are re-indexed
      // the same way here. SQLite's FTS5 index is unchanged.
      async up(db: Kysely<any>) {
        if (d.name !== 'postgres' || !d.searchValue) return;
        await sql`alter table documents drop column search`.execute(db); // and its GIN index
        await sql`alter table documents add column search tsvector`.execute(db);
        const r = await sql<{ lz4: boolean }>`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db);
        if (r.rows[0]?.lz4) await sql`alter table documents alter column search set compression lz4`.execute(db);
        await reindexSearch(db);
        await sql`create index documents_search on documents using gin (search)`.execute(db);
      },
    },
    '0006_unused_indexes': {
      // Indexes no query reads cost an insert each for every row written. mentions_document: mentions are
      // found by entity (mentions_entity); the claims grouping reads those of every latest document, a scan.
      // PostgreSQL: the primary keys of mentions, quotes and events (a B-tree each) — nothing looks these
      // rows up by id, the ids come from the table's sequence, and the batch writer is their only writer
      // (see 0004); the timeline pages events by date through events_date. Dropping them took ~40% off
      // the server's time to store a document's parts. SQLite's ids are its rowids and cost nothing.
      async up(db: Kysely<any>) {
        await db.schema.dropIndex('mentions_document').ifExists().execute();
        if (d.name !== 'postgres') return;
        await sql`alter table mentions drop constraint if exists mentions_pkey`.execute(db);
        await sql`alter table quotes drop constraint if exists quotes_pkey`.execute(db);
        await sql`alter table events drop constraint if exists events_pkey`.execute(db);
      },
    },
    '0007_mentions_in_entities': {
      // Mentions were a row each (about five per entity); every query read them by entity (the entity
      // page, the network, the claims grouping, mention counts), and writing those rows was a fifth of
      // the cost of storing a document on SQLite and PostgreSQL alike. Each entity row now holds its
      // mentions as one JSON value and their count; the mentions table goes.
      async up(db: Kysely<any>) {
        await db.schema.alterTable('entities').addColumn('spans', 'text', (c) => c.notNull().defaultTo('[]')).execute();
        await db.schema.alterTable('entities').addColumn('mention_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        if (d.name === 'postgres') {
          await sql`update entities e set
              spans = coalesce((select json_agg(json_build_array(m.container, m.start, m."end", m.text) order by m.id)::text from mentions m where m.entity_id = e.id), '[]'),
              mention_count = (select count(*) from mentions m where m.entity_id = e.id)
            where exists (select 1 from mentions m where m.entity_id = e.id)`.execute(db);
        } else {
          await sql`update entities set
              spans = (select json_group_array(json_array(container, start, "end", text)) from (select * from mentions m where m.entity_id = entities.id order by m.id)),
              mention_count = (select count(*) from mentions m where m.entity_id = entities.id)
            where exists (select 1 from mentions m where m.entity_id = entities.id)`.execute(db);
        }
        await db.schema.dropTable('mentions').execute(); // and its index
      },
    },
    '0008_parts_from_rows': {
      // A document's analysis JSON repeated its comments, entities, quotes and events, which their rows
      // hold too: a second copy of about nine tenths of it, a fifth of the cost of storing a document.
      // Rows now carry the few fields only the JSON had, and a document written from here on keeps in
      // its JSON only what has no rows (metadata, time expressions); reading it puts the parts back from
      // the rows. Documents stored before keep their whole JSON and are read from it as they were.
      async up(db: Kysely<any>) {
        await db.schema.alterTable('entities').addColumn('refs', 'text').execute();
        for (const c of ['cue_start', 'cue_end', 'speaker_start', 'speaker_end']) await db.schema.alterTable('quotes').addColumn(c, 'integer').execute();
        await db.schema.alterTable('events').addColumn('trigger', 'text').execute();
      },
    },
    '0009_search_numbers_unstemmed': {
      // PostgreSQL: the stemmer turned some numbers into other strings ("130" into "1y0"), in documents
      // and queries alike, so a search still found them, but not as PostgreSQL's own parser reads the
      // text (ts_headline marked nothing). Words with a digit are now kept as they are (search-terms.ts).
      async up(db: Kysely<any>) {
        if (d.name !== 'postgres' || !d.searchValue) return;
        await reindexSearch(db);
      },
    },
    '0010_entity_global_unchecked': {
      // PostgreSQL checked entities.global_id with a query and a row lock per entity stored: about 40% of
      // the server's time to store a document's entities, on the critical path of a batch. The writer
      // now locks the batch's cross-document entities once (FOR KEY SHARE, in the batch's opening look-ups), and a
      // merge deletes the merged-away rows before it moves entities onto the survivor, so a concurrent
      // writer either waits for the merge and finds them gone (its batch fails and its documents are
      // added again one by one) or is waited for and has its rows moved too. SQLite keeps the key.
      async up(db: Kysely<any>) {
        if (d.name !== 'postgres') return;
        await sql`alter table entities drop constraint if exists entities_global_id_fkey`.execute(db);
      },
    },
    '0011_sqlite_timeline_unindexed': {
      // SQLite: events_date took an insert at a random place in its B-tree for every event stored (about
      // twenty a news article): 0.11 to 0.18 ms of the 0.75 to 1.1 ms it cost to store a generated article
      // (the two kinds of store side by side in one process, batches of 64; the machine's speed varied by
      // run). What it served, measured on 10,000 generated articles (220,000 events), with it / without:
      // the web app's timeline (first 5,000 events by date) 40 / 108 ms, the same with the count the
      // server keeps between changes 108 / 178 ms; one month's events 0.1 / 38 ms; the server bench's
      // page of 500 (`npm run bench -- server`) 80.4 / 79.6 ms median. These grow with the dossier.
      // The CLI's timeline reads every event either way. PostgreSQL keeps the index: its server
      // maintains it beside the writer, at no measurable cost to the write.
      async up(db: Kysely<any>) {
        if (d.name !== 'sqlite') return;
        await db.schema.dropIndex('events_date').ifExists().execute();
      },
    },
    '0012_entities_across_documents_again': {
      // Cross-document entities were joined by any alias two documents shared, one word included, and
      // grew into entities of dozens of people ("Clinton", "Bill"); the writer now looks entities up by
      // forms that name one thing (entity-merge.ts). Here every stored entity is resolved again by them,
      // in the order the documents were added, as the writer would have. New cross-document entities
      // take ids above the old ones (ids are never reused); the old ones go once nothing points at them.
      // global_aliases is made anew, keyed by the form looked up (norm) first: its own index served the
      // look-up beside a key leading with type, and on SQLite it needs no rowid of its own. The index of
      // global_entities by key served no query. Every cross-document entity gets a new number: numbers
      // noted before the upgrade (`dossier entity 12`, links into the web app) point at nothing or at
      // another. This migration runs the writer's own code (resolveAgain): a later migration that
      // changes what that code writes must keep this one working, or give it a copy of the old code.
      async up(db: Kysely<any>) {
        await db.schema.dropTable('global_aliases').execute();
        const aliases = db.schema.createTable('global_aliases')
          .addColumn('global_id', 'integer', (c) => c.notNull().references('global_entities.id').onDelete('cascade'))
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('norm', 'text', (c) => c.notNull())
          .addColumn('alias', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('global_aliases_pk', ['norm', 'type', 'global_id']);
        await (d.name === 'sqlite' ? aliases.modifyEnd(sql`without rowid`) : aliases).execute();
        await db.schema.createIndex('global_aliases_global').on('global_aliases').column('global_id').execute();
        await db.schema.dropIndex('global_entities_key').ifExists().execute();
        const old = (await sql<{ m: number | null }>`select max(id) as m from global_entities`.execute(db)).rows[0]?.m;
        if (old === null || old === undefined) return;
        await d.startWrite(db as unknown as Trx); // as the writer's: SQLite checks keys at commit (a merge deletes before it moves)
        for (let after = 0; ;) {
          // a few hundred documents' entities at a time, in the order they were added
          const docs = (await sql<{ id: number }>`select id from documents where id > ${after} order by id limit 200`.execute(db)).rows.map((r) => Number(r.id));
          if (!docs.length) break;
          after = docs[docs.length - 1];
          const rows = (await sql<{ id: number; key: string; name: string; type: string; aliases: string }>`select id, key, name, type, aliases from entities
            where document_id >= ${docs[0]} and document_id <= ${after} order by document_id, id`.execute(db)).rows;
          if (!rows.length) continue;
          const ents = rows.map((r) => ({ key: r.key, name: r.name, type: r.type as never, aliases: aliasList(r.aliases) }));
          const gids = await resolveAgain(db as unknown as Trx, d, ents);
          const ids = rows.map((r) => Number(r.id));
          if (d.name === 'postgres') {
            await sql`update entities set global_id = v.g from unnest(${ids}::integer[], ${gids}::integer[]) as v(id, g) where entities.id = v.id`.execute(db);
          } else {
            const pairs = JSON.stringify(ids.map((id, i) => [id, gids[i]]));
            await sql`update entities set global_id = v.g from (select value ->> 0 as id, value ->> 1 as g from json_each(${pairs})) as v where entities.id = v.id`.execute(db);
          }
        }
        // every entity row points at a new one now (PostgreSQL has no key to say so: see 0010)
        const left = (await sql<{ n: number | string }>`select count(*) as n from entities where global_id <= ${old}`.execute(db)).rows[0];
        if (Number(left.n)) throw new Error(`${left.n} entities were not resolved again`);
        await sql`delete from global_entities where id <= ${old}`.execute(db);
      },
    },
    '0013_key_forms_looked_up_not_stored': {
      // Nothing to change in the tables: from this version on the writer stores an entity's key form
      // only where the name in the key is no lookup form of its own (entity-merge.ts, storedForm), and
      // finds the others by that name. A writer of an older version would look new entities up by
      // their key forms alone, miss them, and make duplicates; this migration's name, unknown to it,
      // makes it refuse the dossier instead. Key forms stored before stay, and are still looked up.
      async up() {},
    },
  };
}

/** PostgreSQL: documents.search made anew for every document, 200 at a time. */
async function reindexSearch(db: Kysely<any>): Promise<void> {
  for (let after = 0; ;) {
    const docs = await sql<{ id: number; title: string | null; text: string }>`select id, title, text from documents where id > ${after} order by id limit 200`.execute(db);
    if (!docs.rows.length) break;
    const ids = docs.rows.map((x) => x.id);
    const vectors = docs.rows.map((x) => searchVector(x.title, x.text));
    await sql`update documents set search = v.search from unnest(${ids}::integer[], ${vectors}::tsvector[]) as v(id, search) where documents.id = v.id`.execute(db);
    after = ids[ids.length - 1];
  }
}
