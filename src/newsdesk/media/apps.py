from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "newsdesk.media"
    label = "media"
    verbose_name = "Bilder"

    def ready(self) -> None:
        # CSP frame-src: the embed providers' iframe origins (the table, with what a site added) plus any
        # CSP_EMBED_FRAME_SRC. The iframe itself only exists after the reader's click (media/embeds.js).
        from django.conf import settings

        from newsdesk.media.embeds import frame_origins

        directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
        origins = sorted(set(settings.CSP_EMBED_FRAME_SRC) | set(frame_origins()))
        if origins:
            directives["frame-src"] = origins
