-- Sentence vectors of each thread, computed once and shared by every node: a restart, a
-- rebuild of the vector index or a second node loads them instead of running the model
-- again (hours of CPU for a large forum). input_key is a hash of the model and input layout
-- and of the texts embedded, so a changed thread or another model is embedded anew.
create table thread_vector (
    thread_id   bigint primary key references thread (id) on delete cascade,
    layout      text not null,
    input_key   bytea not null,
    -- One vector per embedded text: float32, little-endian, one after the other.
    vectors     bytea not null,
    computed_at timestamptz not null default now()
);
