-- The knowledge base's content, versioned: one row per version of each content file (a topic, or the root
-- files synonyms.yml and out-of-scope.yml). The YAML text is the content exactly as the loader reads it.
create table kb_entry_version (
    entry_id     text        not null,
    version      integer     not null,
    path         text        not null,
    -- draft: waiting for review (at most one per entry); published: served (at most one per entry);
    -- superseded: published earlier; retired: taken out of the content by an editor.
    state        text        not null check (state in ('draft', 'published', 'superseded', 'retired')),
    yaml         text        not null,
    author       text        not null,
    reviewer     text,
    -- seed (first start), editor (form or API), upload (zip), restore (an old version brought back)
    origin       text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    primary key (entry_id, version)
);
create unique index kb_entry_version_one_draft on kb_entry_version (entry_id) where state = 'draft';
create unique index kb_entry_version_one_published on kb_entry_version (entry_id) where state = 'published';

-- Bumped in the transaction of every publication; each instance polls it and reloads when it moves.
create table kb_revision (
    id         integer     primary key check (id = 1),
    revision   bigint      not null,
    changed_at timestamptz not null
);
insert into kb_revision (id, revision, changed_at) values (1, 0, now());

-- The province's procedure catalogue, one row per procedure; a row missing from a later import is retired,
-- not deleted.
create table catalogue_entry (
    entry_id        text        primary key,
    code            text        not null,
    name            text        not null,
    field_name      text        not null,
    field           text        not null,
    level           text        not null,
    authority       text        not null,
    processing_time text        not null,
    fee             text        not null,
    online          text        not null,
    legal_basis     text        not null,
    official_url    text        not null,
    first_imported  timestamptz not null,
    updated_at      timestamptz not null,
    retired_at      timestamptz
);

create table catalogue_import (
    id          bigserial   primary key,
    imported_by text        not null,
    imported_at timestamptz not null default now(),
    file_name   text        not null,
    imported    integer     not null,
    updated     integer     not null,
    retired     integer     not null,
    rejected    integer     not null
);
