enum AtomSitePlaceholderRemoveMe {}
