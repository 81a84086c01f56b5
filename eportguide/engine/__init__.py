"""The pure state machine: given a flow and answers, the next question or the result.

``walker`` steps through a flow (``walk``), ``answers`` parses a typed answer, ``result``
builds the outcome with its dates, ``validators`` checks typed values, ``keys`` names the
answers of details fields, ``paths`` lists every path of a flow. Import each from its
module: this package re-exports nothing.

No printing, prompting or file access happens in this package.

May import: ``i18n``, ``errors``, ``model``, ``workdays``.
"""
