"""The templates' messages reach the catalogues: each is listed in diglot.server.web.messages."""

from diglot.server.web.messages import TEMPLATE_MESSAGES
from diglot.server.web.pages import templates


def template_messages() -> set[str]:
    found = set()
    for name in templates.list_templates():
        source = templates.loader.get_source(templates, name)[0]
        found |= {message for _line, _function, message in templates.extract_translations(source)}
    return found


def test_every_template_message_is_listed_for_the_catalogues_and_no_other():
    listed = set(TEMPLATE_MESSAGES)
    used = template_messages()
    assert not used - listed, f"add to diglot/server/web/messages.py: {sorted(used - listed)}"
    assert not listed - used, f"no template uses: {sorted(listed - used)}"
