package org.draftroom.search.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis of mixed Chinese and English text, the same for indexing and querying: Unicode word segmentation
 * (StandardTokenizer gives every Han character as a token), full-width Latin and half-width Katakana folded
 * (CJKWidthFilter), lower case, traditional Chinese characters mapped to simplified ones (ICU's
 * {@code Traditional-Simplified} transform, see {@link SimplifiedChineseFilter}), overlapping bigrams of adjacent Han characters (CJKBigramFilter: "个人信息"
 * becomes 个人 人信 信息, so any two or more characters are found inside longer words without a dictionary), and
 * English possessives removed and words stemmed (Porter: "consents", "consenting" and "consent" match).
 *
 * <p>Why bigrams and not a dictionary segmenter (SmartChinese): a segmenter cuts "个人信息控制者" in one way, and a query
 * for a string that crosses its cut finds nothing; bigrams find every substring of two or more characters, which is
 * what a committee searching its own wording expects. Single characters are not searchable. Thread-safe.
 */
public final class DraftroomAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new SimplifiedChineseFilter(stream);
        stream = new CJKBigramFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
