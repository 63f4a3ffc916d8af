import java.io.File;
import java.lang.reflect.Proxy;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.IProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;

/** Reads a TBX file with OmegaT's own glossary reader, headless: args = file, source lang, target lang. */
public class ReadTbx {
    public static void main(String[] args) throws Exception {
        ProjectProperties props = new ProjectProperties(new File(System.getProperty("java.io.tmpdir")));
        props.setSourceLanguage(args[1]);
        props.setTargetLanguage(args[2]);
        // the reader asks the open project for its languages; a stand-in project answers that alone
        IProject project = (IProject) Proxy.newProxyInstance(IProject.class.getClassLoader(),
            new Class<?>[] {IProject.class},
            (proxy, method, margs) -> method.getName().equals("getProjectProperties") ? props : null);
        Core.setProject(project);
        List<GlossaryEntry> entries = GlossaryReaderTBX.read(new File(args[0]), false);
        for (GlossaryEntry e : entries) {
            System.out.println(e.getSrcText() + "\t" + e.getLocText());
        }
    }
}
