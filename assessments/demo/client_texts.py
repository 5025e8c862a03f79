"""The demo framework's client statements: the one sentence a value that a unit's clients rate,
in plain language, in Finnish, Swedish and English. Written for this product from what residents
say they value in the Keusote survey (shared/seeds): being respected, heard, treated equally,
able to trust what was agreed, and understood."""

from ..models import ValueKey

CLIENT_STATEMENTS: dict[str, tuple[str, str, str]] = {
    ValueKey.DIGNITY: (
        "Minua kohdeltiin arvostavasti.",
        "Jag blev bemött med respekt.",
        "I was treated with respect.",
    ),
    ValueKey.CLIENT_CENTREDNESS: (
        "Minua kuunneltiin, ja sain vaikuttaa omiin asioihini.",
        "Jag blev lyssnad på och fick påverka mina egna ärenden.",
        "I was listened to and had a say in my own matters.",
    ),
    ValueKey.EQUALITY: (
        "Minua kohdeltiin yhtä hyvin kuin muita.",
        "Jag blev lika väl bemött som alla andra.",
        "I was treated as well as anyone else.",
    ),
    ValueKey.TRUST: (
        "Voin luottaa siihen, että asiani hoidetaan niin kuin on sovittu.",
        "Jag kan lita på att mitt ärende sköts som vi har kommit överens om.",
        "I can trust that my matter is handled as agreed.",
    ),
    ValueKey.EMPATHY: (
        "Minun tilanteeni ymmärrettiin.",
        "Man förstod min situation.",
        "My situation was understood.",
    ),
}
