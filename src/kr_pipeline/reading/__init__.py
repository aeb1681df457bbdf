"""Shared reading helpers for parsers: numbers as published (Dutch and English), PDF text,
table rows from positioned words, country labels, plain text and sentences of a document."""
