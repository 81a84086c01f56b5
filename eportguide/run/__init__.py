"""One run of a procedure from the command line, from the answers given to the outputs.

``execution`` sets a run up (the pack, the answers given with ``--answer``/``--answers``
read by ``answers_file``, who is asked the rest, the session it is saved in) and ends
it; ``dialogue`` drives the questions and answers with a prompter over the engine, with
the review before the outcome; ``outputs`` sends the result to the screen, a file or an
e-mail draft.

May import: every layer below the commands: ``i18n``, ``errors``, ``model``, ``workdays``,
``search``, ``store``, ``terminal``, ``engine``, ``packs``, ``render``, ``prompting``.
"""
