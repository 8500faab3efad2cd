package org.draftroom.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The search index of this node, held in memory ({@link ByteBuffersDirectory}): it is derived data, rebuilt from Git
 * and PostgreSQL on every start, so nothing on disk can go stale or be corrupted by a crash. Items are replaced a
 * project at a time ({@link #replaceProject}), atomically for searchers; {@link #replaceAll} builds a whole new index
 * beside the live one and swaps it in. Searches run concurrently with updates; updates are serialised.
 */
public final class SearchIndex implements AutoCloseable {

    public static final String TEXT = "text";
    static final String KEY = "key";
    public static final String KIND = "kind";
    public static final String PROJECT = "project";
    public static final String WORKING_GROUP = "wg";
    public static final String ROUND = "round";
    public static final String TYPE = "type";
    public static final String ORGANISATION = "org";
    public static final String ORGANISATION_ID = "orgId";
    public static final String AUTHOR = "author";
    public static final String STATUS = "status";
    public static final String NUMBER = "number";
    public static final String CODE = "code";
    public static final String COMMIT = "commit";

    /** The facet fields counted for every search. */
    public static final List<String> FACETS = List.of(KIND, PROJECT, WORKING_GROUP, TYPE, ORGANISATION, ROUND, STATUS);

    private final DraftroomAnalyzer analyzer = new DraftroomAnalyzer();
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    public SearchIndex() {
        try {
            open(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DraftroomAnalyzer analyzer() {
        return analyzer;
    }

    private void open(Directory dir) throws IOException {
        Directory oldDirectory = directory;
        IndexWriter oldWriter = writer;
        SearcherManager oldSearchers = searchers;
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setRAMBufferSizeMB(64);
        IndexWriter w = new IndexWriter(dir, config);
        w.commit();
        SearcherManager s = new SearcherManager(w, null);
        synchronized (this) {
            directory = dir;
            writer = w;
            searchers = s;
        }
        if (oldSearchers != null) {
            oldSearchers.close();
            oldWriter.close();
            oldDirectory.close();
        }
    }

    /** Replaces every item of the project with these (none: the project leaves the index). */
    public synchronized void replaceProject(String projectId, Collection<IndexedItem> items) {
        try {
            writer.deleteDocuments(new Term(PROJECT, projectId));
            addAll(writer, new ArrayList<>(items));
            // No commit: the index lives in memory and a near-real-time reader sees the change without one.
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds a new index of exactly these items and swaps it in; searches see the old one until then. The items are
     * analysed on {@link #indexingThreads()} threads at once (Lucene's writer takes documents from several threads),
     * since the analysis is nearly all of a rebuild's cost.
     */
    public synchronized void replaceAll(Iterable<IndexedItem> items) {
        List<IndexedItem> list = new ArrayList<>();
        items.forEach(list::add);
        try {
            ByteBuffersDirectory fresh = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setRAMBufferSizeMB(128);
            // In memory a compound file is only a copy of the segment's files.
            config.setUseCompoundFile(false);
            try (IndexWriter w = new IndexWriter(fresh, config)) {
                addAll(w, list);
                w.commit();
            }
            open(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many threads a full build analyses on: the processors, at most four. */
    public static int indexingThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private static void addAll(IndexWriter w, List<IndexedItem> items) throws IOException {
        int threads = items.size() < 500 ? 1 : indexingThreads();
        if (threads == 1) {
            for (IndexedItem item : items) {
                w.addDocument(document(item));
            }
            return;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "search-build");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                        w.addDocument(document(items.get(i)));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Void> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the index", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The bytes the index occupies (in memory). */
    public synchronized long sizeInBytes() {
        try {
            long size = 0;
            for (String file : directory.listAll()) {
                size += directory.fileLength(file);
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of items. */
    public int count() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** A page of items matching {@code query} within {@code filter}, best first, with the counts per facet. */
    public Page search(Query query, Query filter, int offset, int limit) {
        BooleanQuery q = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
        return withSearcher(searcher -> {
            TopScoreDocCollector top = TopScoreDocCollector.create(Math.max(1, offset + limit), Integer.MAX_VALUE);
            FacetCounter facets = new FacetCounter();
            searcher.search(q, MultiCollector.wrap(top, facets));
            ScoreDoc[] docs = top.topDocs(offset, limit).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<IndexedItem> items = new ArrayList<>(docs.length);
            for (ScoreDoc d : docs) {
                items.add(item(stored.document(d.doc)));
            }
            return new Page(facets.total, items, facets.result());
        });
    }

    /** Every item matching the query (no scoring), up to {@code max}, in index order. */
    public List<IndexedItem> all(Query query, int max) {
        return withSearcher(searcher -> {
            TopScoreDocCollector top = TopScoreDocCollector.create(Math.max(1, max), Integer.MAX_VALUE);
            searcher.search(query, top);
            StoredFields stored = searcher.storedFields();
            List<IndexedItem> items = new ArrayList<>();
            for (ScoreDoc d : top.topDocs().scoreDocs) {
                items.add(item(stored.document(d.doc)));
            }
            return items;
        });
    }

    public static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /** A result page: how many items matched in all, the items asked for, and per facet field the counts. */
    public record Page(int total, List<IndexedItem> items, Map<String, Map<String, Integer>> facets) {
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        SearcherManager manager;
        synchronized (this) {
            manager = searchers;
        }
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return work.run(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            // The index was swapped while this search started: run it on the new one.
            return withSearcher(work);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    // --- documents ---------------------------------------------------------------------------------------------

    private static Document document(IndexedItem i) {
        Document d = new Document();
        d.add(new StringField(KEY, i.key(), Field.Store.YES));
        keyword(d, KIND, i.kind().name(), true);
        keyword(d, PROJECT, i.projectId(), true);
        keyword(d, WORKING_GROUP, i.workingGroup(), true);
        keyword(d, ROUND, Long.toString(i.roundId()), true);
        keyword(d, TYPE, i.commentType(), true);
        keyword(d, ORGANISATION, i.organisationCode(), true);
        keyword(d, STATUS, i.status(), true);
        keyword(d, ORGANISATION_ID, i.organisationId() == null ? "" : i.organisationId().toString(), false);
        keyword(d, AUTHOR, i.authorId() == null ? "" : i.authorId().toString(), false);
        keyword(d, NUMBER, i.number(), false);
        keyword(d, COMMIT, i.commitId(), false);
        d.add(new StringField(CODE, normalCode(i.projectCode()), Field.Store.NO));
        d.add(new TextField(TEXT, i.title() + "\n" + i.text(), Field.Store.NO));
        d.add(new StoredField("projectCode", i.projectCode()));
        d.add(new StoredField("titleZh", i.projectTitleZh()));
        d.add(new StoredField("titleEn", i.projectTitleEn()));
        d.add(new StoredField("roundLabel", i.roundLabel()));
        d.add(new StoredField("clauseId", i.clauseId()));
        d.add(new StoredField("title", i.title()));
        d.add(new StoredField("body", i.text()));
        if (i.commentId() != null) {
            d.add(new StoredField("commentId", i.commentId()));
        }
        return d;
    }

    /** A document code as compared: upper case, without spaces ("gb/t 35273" and "GB/T35273" are the same). */
    public static String normalCode(String code) {
        return QueryText.fold(code == null ? "" : code).replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static void keyword(Document d, String field, String value, boolean facet) {
        d.add(new StringField(field, value, Field.Store.YES));
        if (facet) {
            d.add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    private static IndexedItem item(Document d) {
        String org = d.get(ORGANISATION_ID);
        String author = d.get(AUTHOR);
        var commentId = d.getField("commentId");
        return new IndexedItem(d.get(KEY), Kind.valueOf(d.get(KIND)), d.get(PROJECT), d.get("projectCode"),
                d.get("titleZh"), d.get("titleEn"), d.get(WORKING_GROUP), Long.parseLong(d.get(ROUND)),
                d.get("roundLabel"), d.get(COMMIT), d.get("clauseId"), d.get(NUMBER), d.get("title"), d.get("body"),
                commentId == null ? null : commentId.numericValue().longValue(), d.get(TYPE),
                org == null || org.isEmpty() ? null : Long.valueOf(org), d.get(ORGANISATION),
                author == null || author.isEmpty() ? null : Long.valueOf(author), d.get(STATUS));
    }

    /** Counts every matching document per value of each facet field, by ordinal per segment. */
    private static final class FacetCounter extends SimpleCollector {
        private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        private final SortedDocValues[] values = new SortedDocValues[FACETS.size()];
        private final int[][] ordinals = new int[FACETS.size()][];
        private int total;

        FacetCounter() {
            FACETS.forEach(f -> counts.put(f, new HashMap<>()));
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            for (int f = 0; f < values.length; f++) {
                values[f] = DocValues.getSorted(context.reader(), FACETS.get(f));
                ordinals[f] = new int[Math.max(0, values[f].getValueCount())];
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            total++;
            for (int f = 0; f < values.length; f++) {
                if (values[f].advanceExact(doc)) {
                    ordinals[f][values[f].ordValue()]++;
                }
            }
        }

        private void flush() throws IOException {
            for (int f = 0; f < values.length; f++) {
                if (values[f] == null) {
                    continue;
                }
                Map<String, Integer> map = counts.get(FACETS.get(f));
                for (int o = 0; o < ordinals[f].length; o++) {
                    if (ordinals[f][o] > 0) {
                        map.merge(values[f].lookupOrd(o).utf8ToString(), ordinals[f][o], Integer::sum);
                    }
                }
                values[f] = null;
            }
        }

        Map<String, Map<String, Integer>> result() {
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return counts;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
