"""``diglot serve``: a local translation and terminology server.

It speaks LibreTranslate's API and DeepL's API v2, so that tools that already talk to one of
them (Weblate, Discourse, the ``deepl`` and ``libretranslatepy`` clients) get diglot's offline,
glossary-enforced translation instead, plus diglot's own API under ``/api/``.

* :func:`diglot.server.app.create_app` builds the ASGI application from a
  :class:`diglot.server.settings.Settings`; ``diglot serve`` runs it with uvicorn.
* ``app.state.diglot`` is the :class:`diglot.server.state.ServerState` every route shares (the
  contract is in that module's docstring).
* The web app lives in ``diglot.server.web`` and is mounted when present (see
  :mod:`diglot.server.app`).

Needs the ``serve`` extra: ``pip install 'diglot[serve]'``.
"""
