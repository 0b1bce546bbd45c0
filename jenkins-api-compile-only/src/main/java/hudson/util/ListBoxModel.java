package hudson.util;

import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {}

    public static final class Option {
        public String name;
        public String value;

        public Option(String name, String value) {}
    }
}
