"""What both wings share: the repository's paths, problems with file and
line, reading text and YAML files, spans and quotation marks, number tokens,
and the one actor registry with its alias matcher.

``core`` imports nothing from ``dataset`` or ``extractor``; both import it.
"""
