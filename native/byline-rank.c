/*
 * byline_rank: BM25 for Byline's story search without FTS5's full walk of every phrase.
 *
 * FTS5's built-in bm25() counts, once per query, every story holding each phrase of the query, to
 * weigh rare words above common ones. For a phrase of Hangul bigrams (관계자 is "관계 계자") that count
 * matches positions across the whole archive: 30-40 ms at 100,000 stories, while ranking the newest
 * thousand matches takes 2. This function ranks exactly as bm25() does (k1 1.2, b 0.75, the same
 * per-column weights and document length), with two differences:
 *   - a phrase's document count is taken from its first SAMPLE matches, walking in rowid order, and
 *     scaled by the share of the rowid range they cover (the first argument is the largest rowid);
 *     a phrase in fewer stories is counted exactly. IDF is a logarithm: a count off by a tenth moves
 *     it by a few per cent, and only relative to the query's other phrases.
 *   - a phrase that scores nothing in a row (a filter token in a zero-weight column) is never
 *     counted at all.
 *   - given the name of the table's %_docsize shadow table, it reads each row's length through one
 *     blob handle kept for the query instead of FTS5's xColumnSize(), which runs a prepared lookup
 *     per row: that lookup was two thirds of the cost of ranking a thousand matches. The lengths
 *     read are the same varints FTS5 itself decodes; any failure falls back to xColumnSize().
 * Arguments: byline_rank(table, max_rowid, ['table_docsize',] weight_col0, weight_col1, ...). Lower is
 * better, as bm25().
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include "fts5.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLE 1000
#define K1 1.2
#define B 0.75

typedef struct RankData {
  int nPhrase;
  double avgdl;
  double nRow;
  double *aIdf;   /* NAN until the phrase is first needed */
  double *aFreq;  /* per row scratch */
  sqlite3_blob *pSize; /* %_docsize.sz, reopened on each row; 0 when not asked for or failed */
  int sizeFailed;
} RankData;

typedef struct Sample {
  sqlite3_int64 n;
  sqlite3_int64 last;
} Sample;

static int sampleCb(const Fts5ExtensionApi *api, Fts5Context *fts, void *user) {
  Sample *s = (Sample *)user;
  s->n++;
  if (s->n >= SAMPLE) {
    s->last = api->xRowid(fts);
    return SQLITE_DONE;
  }
  return SQLITE_OK;
}

static int phraseIdf(const Fts5ExtensionApi *api, Fts5Context *fts, RankData *d, int i, sqlite3_int64 maxRowid, double *out) {
  Sample s = {0, 0};
  int rc = api->xQueryPhrase(fts, i, (void *)&s, sampleCb);
  if (rc != SQLITE_OK && rc != SQLITE_DONE) return rc;
  double hits = (double)s.n;
  if (s.n >= SAMPLE && s.last > 0 && maxRowid > s.last) hits = hits * (double)maxRowid / (double)s.last;
  if (hits > d->nRow) hits = d->nRow;
  double idf = log((d->nRow - hits + 0.5) / (hits + 0.5));
  *out = idf <= 0.0 ? 1e-6 : idf;
  return SQLITE_OK;
}

static void rankFree(void *p) {
  RankData *d = (RankData *)p;
  if (d) {
    if (d->pSize) sqlite3_blob_close(d->pSize);
    sqlite3_free(d->aIdf);
    sqlite3_free(d);
  }
}

static int rankData(const Fts5ExtensionApi *api, Fts5Context *fts, RankData **out) {
  RankData *d = (RankData *)api->xGetAuxdata(fts, 0);
  if (d) {
    *out = d;
    return SQLITE_OK;
  }
  d = (RankData *)sqlite3_malloc(sizeof(RankData));
  if (!d) return SQLITE_NOMEM;
  memset(d, 0, sizeof(RankData));
  d->nPhrase = api->xPhraseCount(fts);
  sqlite3_int64 nRow = 0, nToken = 0;
  int rc = api->xRowCount(fts, &nRow);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &nToken);
  if (rc != SQLITE_OK) {
    sqlite3_free(d);
    return rc;
  }
  d->nRow = (double)(nRow > 0 ? nRow : 1);
  d->avgdl = (double)nToken / d->nRow;
  if (d->avgdl <= 0) d->avgdl = 1;
  d->aIdf = (double *)sqlite3_malloc64(sizeof(double) * 2 * (d->nPhrase > 0 ? d->nPhrase : 1));
  if (!d->aIdf) {
    sqlite3_free(d);
    return SQLITE_NOMEM;
  }
  d->aFreq = d->aIdf + d->nPhrase;
  for (int i = 0; i < d->nPhrase; i++) d->aIdf[i] = NAN;
  rc = api->xSetAuxdata(fts, d, rankFree);
  if (rc != SQLITE_OK) return rc;
  *out = d;
  return SQLITE_OK;
}

/* The sum of the column sizes FTS5 stores for the row: one SQLite varint per column (big-endian,
 * seven bits a byte, the high bit saying another follows), as fts5GetVarint32 reads them. */
static int sumSizes(const unsigned char *a, int n, int *out) {
  int total = 0, off = 0;
  while (off < n) {
    unsigned int v = 0;
    for (int len = 0;; len++) {
      if (off >= n || len >= 5) return SQLITE_CORRUPT;
      unsigned char c = a[off++];
      v = (v << 7) | (c & 0x7f);
      if (!(c & 0x80)) break;
    }
    total += (int)v;
  }
  *out = total;
  return SQLITE_OK;
}

static int blobLength(sqlite3_context *ctx, RankData *d, const char *table, sqlite3_int64 rowid, int *out) {
  int rc = d->pSize ? sqlite3_blob_reopen(d->pSize, rowid) : sqlite3_blob_open(sqlite3_context_db_handle(ctx), "main", table, "sz", rowid, 0, &d->pSize);
  if (rc != SQLITE_OK) return rc;
  int n = sqlite3_blob_bytes(d->pSize);
  unsigned char buf[64];
  if (n <= 0 || n > (int)sizeof(buf)) return SQLITE_CORRUPT;
  rc = sqlite3_blob_read(d->pSize, buf, n, 0);
  return rc == SQLITE_OK ? sumSizes(buf, n, out) : rc;
}

/* The row's length in tokens over all columns, what xColumnSize(-1) answers. */
static int docLength(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, RankData *d, const char *table, int *out) {
  if (table && !d->sizeFailed) {
    if (blobLength(ctx, d, table, api->xRowid(fts), out) == SQLITE_OK) return SQLITE_OK;
    /* A failed reopen leaves the handle unusable: close it and let FTS5 answer from here on. */
    if (d->pSize) sqlite3_blob_close(d->pSize);
    d->pSize = 0;
    d->sizeFailed = 1;
  }
  return api->xColumnSize(fts, -1, out);
}

static void bylineRank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
  RankData *d = 0;
  int rc = rankData(api, fts, &d);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  sqlite3_int64 maxRowid = nVal > 0 ? sqlite3_value_int64(apVal[0]) : 0;
  const char *sizeTable = nVal > 1 && sqlite3_value_type(apVal[1]) == SQLITE_TEXT ? (const char *)sqlite3_value_text(apVal[1]) : 0;
  sqlite3_value **aWeight = apVal + (sizeTable ? 2 : 1);
  int nWeight = nVal - (sizeTable ? 2 : 1);
  for (int i = 0; i < d->nPhrase; i++) d->aFreq[i] = 0.0;
  int nInst = 0;
  rc = api->xInstCount(fts, &nInst);
  for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = api->xInst(fts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK) d->aFreq[ip] += ic < nWeight ? sqlite3_value_double(aWeight[ic]) : 1.0;
  }
  int nTok = 0;
  if (rc == SQLITE_OK) rc = docLength(api, fts, ctx, d, sizeTable, &nTok);
  double score = 0.0;
  double D = (double)nTok;
  for (int i = 0; rc == SQLITE_OK && i < d->nPhrase; i++) {
    if (d->aFreq[i] <= 0.0) continue;
    if (isnan(d->aIdf[i])) rc = phraseIdf(api, fts, d, i, maxRowid, &d->aIdf[i]);
    if (rc != SQLITE_OK) break;
    double f = d->aFreq[i];
    score += d->aIdf[i] * (f * (K1 + 1.0)) / (f + K1 * (1.0 - B + B * D / d->avgdl));
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

static int fts5Api(sqlite3 *db, fts5_api **out) {
  sqlite3_stmt *stmt = 0;
  *out = 0;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0);
  if (rc != SQLITE_OK) return rc;
  sqlite3_bind_pointer(stmt, 1, (void *)out, "fts5_api_ptr", 0);
  sqlite3_step(stmt);
  rc = sqlite3_finalize(stmt);
  return rc == SQLITE_OK && *out == 0 ? SQLITE_ERROR : rc;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_bylinerank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  fts5_api *fts = 0;
  int rc = fts5Api(db, &fts);
  if (rc != SQLITE_OK) {
    if (pzErrMsg) *pzErrMsg = sqlite3_mprintf("FTS5 is not available");
    return rc;
  }
  return fts->xCreateFunction(fts, "byline_rank", 0, bylineRank, 0);
}
