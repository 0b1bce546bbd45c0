package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.search.Search;
import hudson.search.SearchIndex;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import java.io.IOException;
import java.util.Collection;

@SuppressWarnings("rawtypes")
public interface Item extends AccessControlled {
    ItemGroup<? extends Item> getParent();

    Collection<? extends Job> getAllJobs();

    @NonNull
    String getName();

    @NonNull
    String getFullName();

    String getDisplayName();

    String getFullDisplayName();

    String getUrl();

    String getShortUrl();

    void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException;

    void onCopiedFrom(Item src);

    void save() throws IOException;

    void delete() throws IOException, InterruptedException;

    File getRootDir();

    Search getSearch();

    String getSearchName();

    String getSearchUrl();

    SearchIndex getSearchIndex();

    @Override
    @NonNull
    ACL getACL();

    Permission CONFIGURE = null;
}
