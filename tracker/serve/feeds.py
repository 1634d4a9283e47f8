"""The Atom feeds' queries: a speaker's latest quotes, and the latest claims on a subject (``.atom`` links of
the hidden canned queries ``speaker_feed`` and ``claims_feed``).

"Latest" is the order rows were added in, their ids' (the store numbers an article's rows when it stores the
article, at the time it writes in ``ingested_at``): read newest first from the speaker_id index or the
full-text index and stopped at the 50th, instead of every row of the speaker or the search being joined to
its article and sorted by ``ingested_at`` (the top speaker of 100,000 articles: 152 ms).
"""
from __future__ import annotations

from .columns import Columns


# Atom wants a time with a zone: a bare date is taken as midnight UTC
ATOM_UPDATED = """case when articles.published is null then articles.ingested_at
            when length(articles.published) = 10 then articles.published || 'T00:00:00+00:00'
            when substr(articles.published, 20) glob '*[+Z-]*' then articles.published
            else articles.published || '+00:00' end as atom_updated"""


def feed_quotes(c: Columns) -> str:
    return f"""select 'tag:tracker,quote:' || quotes.id as atom_id,
       coalesce(speakers.name, quotes.speaker_mention, 'Unknown speaker') || ': ' || substr(quotes.content, 1, 120) as atom_title,
       {ATOM_UPDATED},
       quotes.content || ' (' || coalesce(articles.title, 'article ' || articles.id) || ')' as atom_content,
       quotes.id as quote_id, articles.title as article, quotes.article_id
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
where quotes.speaker_id = cast(:speaker as integer)
order by quotes.id desc
limit 50"""


def feed_claims(c: Columns) -> str:
    return f"""select 'tag:tracker,claim:' || claims.id as atom_id,
       coalesce(speakers.name, 'The article') || ': ' || claims.text as atom_title,
       {ATOM_UPDATED},
       claims.text || ' in ' || coalesce(articles.title, 'article ' || articles.id) as atom_content,
       claims.id as claim_id, articles.title as article, claims.article_id
from claims_fts
join claims on claims.rowid = claims_fts.rowid
join articles on articles.id = claims.article_id
left join speakers on speakers.id = claims.speaker_id
where claims_fts match tracker_fts(:q)
order by claims_fts.rowid desc
limit 50"""
