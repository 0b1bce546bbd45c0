package hudson.search;

public class Search {}
