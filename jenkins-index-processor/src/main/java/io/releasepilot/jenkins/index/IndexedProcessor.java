package io.releasepilot.jenkins.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/annotations/<annotation FQCN>} for every annotation type that is meta-annotated with
 * {@code org.jvnet.hudson.annotation_indexer.Indexed}: UTF-8 text, one binary class name per line, sorted — the format
 * jenkinsci/lib-annotation-indexer writes and structs' {@code SymbolLookup} reads. Replaces annotation-indexer 1.4 (the
 * only version on Maven Central), whose processor fails on JDK 17 with {@code NoSuchFileException}.
 */
@SupportedAnnotationTypes("*")
public final class IndexedProcessor extends AbstractProcessor {
    static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";

    private final Map<String, Set<String>> index = new TreeMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            write();
            return false;
        }
        for (TypeElement annotation : annotations) {
            if (!isIndexed(annotation)) {
                continue;
            }
            String name = annotation.getQualifiedName().toString();
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                index.computeIfAbsent(name, k -> new TreeSet<>()).add(binaryName(e));
            }
        }
        // Other processors (SezPoz) must still see the annotations, so nothing is claimed.
        return false;
    }

    private static boolean isIndexed(TypeElement annotation) {
        for (AnnotationMirror m : annotation.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(INDEXED)) {
                return true;
            }
        }
        return false;
    }

    private String binaryName(Element e) {
        Element type = e;
        while (!(type.getKind().isClass() || type.getKind().isInterface())) {
            type = type.getEnclosingElement();
        }
        return processingEnv.getElementUtils().getBinaryName((TypeElement) type).toString();
    }

    private void write() {
        for (Map.Entry<String, Set<String>> entry : index.entrySet()) {
            String path = "META-INF/annotations/" + entry.getKey();
            Set<String> names = new TreeSet<>(entry.getValue());
            names.addAll(previous(path));
            try {
                FileObject out = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path);
                try (Writer w = out.openWriter()) {
                    for (String n : names) {
                        w.write(n);
                        w.write('\n');
                    }
                }
            } catch (IOException e) {
                processingEnv
                        .getMessager()
                        .printMessage(Diagnostic.Kind.ERROR, "cannot write " + path + ": " + e.getMessage());
            }
        }
    }

    /**
     * Entries of an index left by an earlier incremental compilation, kept only while the class still exists: the
     * reason annotation-indexer 1.4 fails on JDK 17 is that it expects FileNotFoundException here and gets
     * NoSuchFileException, so any IOException means "no previous index".
     */
    private Set<String> previous(String path) {
        Set<String> names = new TreeSet<>();
        try {
            FileObject in = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(in.openInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String n = line.trim();
                    if (!n.isEmpty() && processingEnv.getElementUtils().getTypeElement(n.replace('$', '.')) != null) {
                        names.add(n);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return names;
        }
        return names;
    }
}
