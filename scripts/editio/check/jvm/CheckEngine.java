/*
 * tei-check's warm check engine: jing's RELAX NG and a compiled Schematron stylesheet (Saxon-HE) over many
 * files in one JVM, a thread per core. Compiled once per user by editio.check.engine (no .class is shipped).
 *
 * Why: per file jing costs ~1.3 ms; running TEI's embedded Schematron in SaxonC besides it cost ~2.6 ms in one
 * Python process that SaxonC does not let run in parallel. Here both run on every core, and a file the two
 * layers judge is parsed once: the parser's events feed jing's validator while Saxon builds its tree.
 *
 * Arguments: RNG|- compact(0|1) XSLT|- THREADS.
 * Standard input, one file a line: ID TAB JING-PATH|- TAB SAXON-PATH|-|= TAB BASE-URI ("=": the file jing reads).
 * Standard output, one line a record, fields tab-separated, \ t n r escaped as \\ \t \n \r:
 *   READY | SETUP message (cannot start) | B id (begun) | J id line column severity message (jing) |
 *   S id report-xml (the stylesheet's report, only when it holds failures) | X id message (this file could
 *   not be judged) | D id (done) | END.
 * Only files that tei-check's layer 1 (lxml's hardened parse) found safe are ever sent here.
 */

import com.thaiopensource.util.PropertyMap;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.SchemaReader;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.auto.AutoSchemaReader;
import com.thaiopensource.validate.prop.rng.RngProperty;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

public final class CheckEngine {
    private static final SAXParserFactory PARSERS = SAXParserFactory.newDefaultInstance(); // the JDK's, as jing's
    private static BufferedWriter out;

    static {
        PARSERS.setNamespaceAware(true);
        PARSERS.setValidating(false);
    }

    public static void main(String[] args) throws Exception {
        out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        Processor saxon = new Processor(false);
        // the two compilations are independent: run side by side, the start costs the longer of the two
        java.util.concurrent.CompletableFuture<com.thaiopensource.validate.Schema> grammarTask =
            java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                if (args[0].equals("-")) return null;
                try {
                    PropertyMapBuilder props = new PropertyMapBuilder();
                    props.put(ValidateProperty.ERROR_HANDLER, new Collector());
                    RngProperty.CHECK_ID_IDREF.add(props);  // as jing's command line does
                    SchemaReader reader = args[1].equals("1") ? CompactSchemaReader.getInstance() : new AutoSchemaReader();
                    return reader.createSchema(ValidationDriver.fileInputSource(args[0]), props.toPropertyMap());
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
        com.thaiopensource.validate.Schema grammar = null;
        XsltExecutable rules = null;
        try {
            if (!args[2].equals("-")) {
                rules = saxon.newXsltCompiler().compile(new StreamSource(new File(args[2])));
            }
            grammar = grammarTask.get();
        } catch (Exception | LinkageError e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            emit("SETUP", String.valueOf(cause));
            out.flush();
            System.exit(2);
        }
        int threads = Integer.parseInt(args[3]);
        emit("READY");
        out.flush();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(new WorkerFactory(grammar, rules, saxon));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            final String[] job = line.split("\t", -1);
            if (job.length < 4) continue;
            pool.execute(() -> workers.get().judge(job));
        }
        pool.shutdown();
        pool.awaitTermination(365, TimeUnit.DAYS);
        emit("END");
        out.flush();
    }

    private static final class WorkerFactory implements java.util.function.Supplier<Worker> {
        final com.thaiopensource.validate.Schema grammar;
        final XsltExecutable rules;
        final Processor saxon;
        WorkerFactory(com.thaiopensource.validate.Schema g, XsltExecutable r, Processor s) { grammar = g; rules = r; saxon = s; }
        public Worker get() { return new Worker(grammar, rules, saxon); }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': b.append("\\\\"); break;
                case '\t': b.append("\\t"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    static void emit(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) b.append('\t');
            b.append(i == 0 ? fields[i] : escape(fields[i]));
        }
        b.append('\n');
        synchronized (CheckEngine.class) {
            try {
                out.write(b.toString());
            } catch (java.io.IOException e) {
                System.exit(3);  // nobody reads the results any more
            }
        }
    }

    static void flush() {
        synchronized (CheckEngine.class) {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                System.exit(3);
            }
        }
    }

    /** jing's findings for the file being judged, as its command line writes them (error, warning, fatal). */
    static final class Collector implements ErrorHandler {
        java.util.List<String[]> found = new java.util.ArrayList<>();
        boolean fatal;

        private void add(String severity, SAXParseException e) {
            found.add(new String[] {String.valueOf(Math.max(e.getLineNumber(), 0)),
                                    String.valueOf(Math.max(e.getColumnNumber(), 0)), severity,
                                    String.valueOf(e.getMessage())});
        }
        public void warning(SAXParseException e) { add("warning", e); }
        public void error(SAXParseException e) { add("error", e); }
        public void fatalError(SAXParseException e) throws SAXException { fatal = true; add("fatal", e); throw e; }
    }

    /** One thread's validator, document builder and parser, used for one file after another. */
    static final class Worker {
        final Collector errors = new Collector();
        final Validator validator;
        final XsltExecutable rules;
        final Processor saxon;
        final DocumentBuilder builder;
        XMLReader parser;  // one per thread, reused file after file (as jing's ValidationDriver does)

        Worker(com.thaiopensource.validate.Schema grammar, XsltExecutable rules, Processor saxon) {
            PropertyMapBuilder props = new PropertyMapBuilder();
            props.put(ValidateProperty.ERROR_HANDLER, errors);
            RngProperty.CHECK_ID_IDREF.add(props);
            this.validator = grammar == null ? null : grammar.createValidator(props.toPropertyMap());
            this.rules = rules;
            this.saxon = saxon;
            this.builder = saxon.newDocumentBuilder();
        }

        void judge(String[] job) {
            String id = job[0], jing = job[1], other = job[2], base = job[3];
            emit("B", id);
            flush();
            try {
                errors.found = new java.util.ArrayList<>();
                errors.fatal = false;
                XdmNode doc = null;
                boolean shared = other.equals("=") && rules != null && validator != null;
                if (validator != null && !jing.equals("-")) {
                    validator.reset();
                    if (shared) {
                        doc = parse(jing, base, validator);
                    } else {
                        XMLReader reader = parser();
                        reader.setContentHandler(validator.getContentHandler());
                        if (validator.getDTDHandler() != null) reader.setDTDHandler(validator.getDTDHandler());
                        reader.setErrorHandler(errors);
                        try {
                            reader.parse(input(jing, new File(jing).toURI().toString()));
                        } catch (SAXParseException e) {
                            // reported through the collector, as jing reports a fatal error
                        }
                    }
                    for (String[] f : errors.found) emit("J", id, f[0], f[1], f[2], f[3]);
                }
                if (rules != null && !errors.fatal && !other.equals("-")) {
                    if (doc == null) doc = parse(other.equals("=") ? jing : other, base, null);
                    Xslt30Transformer transformer = rules.load30();
                    transformer.setGlobalContextItem(doc);
                    XdmDestination result = new XdmDestination();
                    transformer.applyTemplates(doc, result);
                    XdmNode report = result.getXdmNode();
                    if (holdsElements(report)) {
                        StringWriter text = new StringWriter();
                        Serializer serializer = saxon.newSerializer(text);
                        serializer.serializeNode(report);
                        emit("S", id, text.toString());
                    }
                }
            } catch (Throwable e) {
                parser = null;  // a parser that failed half-way is not trusted with the next file
                if (!errors.fatal) emit("X", id, String.valueOf(e));
            }
            emit("D", id);
            flush();
        }

        private XdmNode parse(String path, String base, Validator tee) throws Exception {
            XMLReader reader = parser();
            XMLReader source = tee == null ? new Quiet(reader, errors) : new Tee(reader, tee, errors);
            return builder.build(new SAXSource(source, input(path, base)));
        }

        private XMLReader parser() throws Exception {
            if (parser == null) parser = PARSERS.newSAXParser().getXMLReader();
            return parser;
        }

        private static InputSource input(String path, String base) throws java.io.IOException {
            InputSource source = new InputSource(base);
            source.setByteStream(new java.io.BufferedInputStream(new FileInputStream(path), 1 << 16));
            return source;
        }

        private static boolean holdsElements(XdmNode report) {
            for (XdmNode top : report.children()) {
                for (XdmNode child : top.children()) {
                    if (child.getNodeKind() == XdmNodeKind.ELEMENT) return true;
                }
            }
            return false;
        }
    }

    /** The parser's events for Saxon only; its errors to the collector, never to Saxon's standard error. */
    static class Quiet extends XMLFilterImpl {
        final ErrorHandler errors;
        Quiet(XMLReader parent, ErrorHandler errors) { super(parent); this.errors = errors; super.setErrorHandler(errors); }
        @Override public void setErrorHandler(ErrorHandler handler) { }
        @Override public ErrorHandler getErrorHandler() { return errors; }
    }

    /** One parse for both layers: every event goes to jing's validator, then to Saxon's tree builder. */
    static final class Tee extends Quiet {
        final ContentHandler jing;
        final DTDHandler jingDtd;
        Tee(XMLReader parent, Validator validator, ErrorHandler errors) {
            super(parent, errors);
            jing = validator.getContentHandler();
            jingDtd = validator.getDTDHandler();
        }
        @Override public void setDocumentLocator(Locator l) { jing.setDocumentLocator(l); super.setDocumentLocator(l); }
        @Override public void startDocument() throws SAXException { jing.startDocument(); super.startDocument(); }
        @Override public void endDocument() throws SAXException { jing.endDocument(); super.endDocument(); }
        @Override public void startPrefixMapping(String p, String u) throws SAXException { jing.startPrefixMapping(p, u); super.startPrefixMapping(p, u); }
        @Override public void endPrefixMapping(String p) throws SAXException { jing.endPrefixMapping(p); super.endPrefixMapping(p); }
        @Override public void startElement(String u, String l, String q, Attributes a) throws SAXException { jing.startElement(u, l, q, a); super.startElement(u, l, q, a); }
        @Override public void endElement(String u, String l, String q) throws SAXException { jing.endElement(u, l, q); super.endElement(u, l, q); }
        @Override public void characters(char[] c, int s, int n) throws SAXException { jing.characters(c, s, n); super.characters(c, s, n); }
        @Override public void ignorableWhitespace(char[] c, int s, int n) throws SAXException { jing.ignorableWhitespace(c, s, n); super.ignorableWhitespace(c, s, n); }
        @Override public void processingInstruction(String t, String d) throws SAXException { jing.processingInstruction(t, d); super.processingInstruction(t, d); }
        @Override public void skippedEntity(String n) throws SAXException { jing.skippedEntity(n); super.skippedEntity(n); }
        @Override public void notationDecl(String n, String p, String s) throws SAXException { if (jingDtd != null) jingDtd.notationDecl(n, p, s); super.notationDecl(n, p, s); }
        @Override public void unparsedEntityDecl(String n, String p, String s, String nn) throws SAXException { if (jingDtd != null) jingDtd.unparsedEntityDecl(n, p, s, nn); super.unparsedEntityDecl(n, p, s, nn); }
    }
}
