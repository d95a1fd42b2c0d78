-- Where background jobs that follow the thread change sequence have got to.
create table job_cursor (
    name      text primary key,
    position  bigint not null
);
