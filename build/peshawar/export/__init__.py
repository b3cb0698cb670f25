"""Open data that other tools read, written from the built database.

shape.py           what the database and metadata.yml say about each table
datapackage.py     a Frictionless Data Package: one CSV and Table Schema per table
webannotations.py  every quote, claim and citation as a W3C Web Annotation

Both read the built ``peshawar.db`` (and ``metadata.yml`` for descriptions),
never the build's code, so they describe exactly the file a reader downloads.
"""
