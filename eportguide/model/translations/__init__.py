"""A pack's texts in another language: read, checked against the pack, and applied to it.

A translation lives in ``<pack>/<language>/`` (``flows/en/``): ``_facts.yaml`` holds the
facts' labels (and values in words), the input fields' prompts, the categories and the
names on the e-port's website; ``<flow-id>.yaml`` holds one flow's texts, keyed as the
flow is (state ids, choice values) with lists given item by item. Only texts are
translated: routing, conditions and what a reader must copy as written (addresses,
recipients, e-mail addresses, URLs, numbers) stay in the flow files, once.

Applied, a translation gives the same pack with its texts in that language, and the pack
as written kept beside it (``Pack.original``) for the e-mail the e-port requires in
Chinese: the translation's e-mail texts become its reading (a gloss), never the e-mail.
A text not yet translated stays as written; ``eportguide validate`` warns of it.

A name on the e-port's website (a menu, a button, a message it shows) is written in a
translation as ``{site:身份认证管理系统}`` and shown as the site shows it with its
translation beside it — ``身份认证管理系统 (Identity Authentication Management
System)`` — the translation written once, in ``site_names``.

In four modules: ``format``, the translation files' records (as ``definitions`` is the
flows'); ``read``, which parses and builds a language's files; ``check``, which compares
them with the pack (what is missing, what does not fit); ``apply``, which gives the pack
with the texts translated, and whose ``load`` does all three for a command.

May import: ``i18n``, ``errors`` and the rest of ``model`` (the loader, its checks).
"""
