"""Small WordPress exports written for the tests: invented German content, each for one case."""

from __future__ import annotations

import io

from PIL import Image as PILImage

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">
<channel>
  <title>Kelmsbrücker Bote</title>
  <link>{site}</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>{site}</wp:base_site_url>
  <wp:base_blog_url>{site}</wp:base_blog_url>
  <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[jmuster]]></wp:author_login>
    <wp:author_email><![CDATA[jana.muster@bote.example]]></wp:author_email>
    <wp:author_display_name><![CDATA[Jana Muster]]></wp:author_display_name>
    <wp:author_first_name><![CDATA[Jana]]></wp:author_first_name><wp:author_last_name><![CDATA[Muster]]></wp:author_last_name>
  </wp:author>
  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[lokales]]></wp:category_nicename>
    <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Lokales]]></wp:cat_name></wp:category>
  <wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug><![CDATA[hochwasser]]></wp:tag_slug>
    <wp:tag_name><![CDATA[Hochwasser]]></wp:tag_name></wp:tag>
"""
FOOTER = "</channel>\n</rss>\n"


def post(*, post_id: int, title: str, body: str, slug: str, site: str, date: str = "2024-05-03 08:15:00",
         status: str = "publish", excerpt: str = "", thumbnail: int | None = None, comments: str = "",
         post_type: str = "post", sticky: int = 0) -> str:
    meta = (f"<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>"
            f"<wp:meta_value><![CDATA[{thumbnail}]]></wp:meta_value></wp:postmeta>") if thumbnail else ""
    day = date[:10].replace("-", "/")
    return f"""  <item>
    <title><![CDATA[{title}]]></title>
    <link>{site}/{day}/{slug}/</link>
    <guid isPermaLink="false">{site}/?p={post_id}</guid>
    <dc:creator><![CDATA[jmuster]]></dc:creator>
    <content:encoded><![CDATA[{body}]]></content:encoded>
    <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
    <wp:post_id>{post_id}</wp:post_id>
    <wp:post_date><![CDATA[{date}]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[{date}]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[{slug}]]></wp:post_name>
    <wp:status><![CDATA[{status}]]></wp:status>
    <wp:post_parent>0</wp:post_parent>
    <wp:post_type><![CDATA[{post_type}]]></wp:post_type>
    <wp:post_password><![CDATA[]]></wp:post_password>
    <wp:is_sticky>{sticky}</wp:is_sticky>
    <category domain="category" nicename="lokales"><![CDATA[Lokales]]></category>
    <category domain="post_tag" nicename="hochwasser"><![CDATA[Hochwasser]]></category>
    {meta}
    {comments}
  </item>
"""


def attachment(*, post_id: int, parent: int, path: str, site: str, alt: str = "Pegel an der Lindra",
               caption: str = "Der Pegel am Morgen") -> str:
    return f"""  <item>
    <title><![CDATA[pegel]]></title>
    <link>{site}/?attachment_id={post_id}</link>
    <guid isPermaLink="false">{site}/wp-content/uploads/{path}</guid>
    <excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>
    <content:encoded><![CDATA[]]></content:encoded>
    <wp:post_id>{post_id}</wp:post_id>
    <wp:post_date><![CDATA[2024-05-03 07:00:00]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[2024-05-03 07:00:00]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[pegel]]></wp:post_name>
    <wp:status><![CDATA[inherit]]></wp:status>
    <wp:post_parent>{parent}</wp:post_parent>
    <wp:post_type><![CDATA[attachment]]></wp:post_type>
    <wp:attachment_url><![CDATA[{site}/wp-content/uploads/{path}]]></wp:attachment_url>
    <wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>
      <wp:meta_value><![CDATA[{alt}]]></wp:meta_value></wp:postmeta>
  </item>
"""


def comment(*, comment_id: int, body: str, approved: str = "1", parent: int = 0, author: str = "Leserin Lotte",
            email: str = "lotte@leser.example", date: str = "2024-05-03 10:00:00", kind: str = "comment") -> str:
    return f"""<wp:comment>
      <wp:comment_id>{comment_id}</wp:comment_id>
      <wp:comment_author><![CDATA[{author}]]></wp:comment_author>
      <wp:comment_author_email><![CDATA[{email}]]></wp:comment_author_email>
      <wp:comment_date><![CDATA[{date}]]></wp:comment_date>
      <wp:comment_date_gmt><![CDATA[{date}]]></wp:comment_date_gmt>
      <wp:comment_content><![CDATA[{body}]]></wp:comment_content>
      <wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>
      <wp:comment_type><![CDATA[{kind}]]></wp:comment_type>
      <wp:comment_parent>{parent}</wp:comment_parent>
      <wp:comment_user_id>0</wp:comment_user_id>
    </wp:comment>"""


def export(*items: str, site: str = "https://bote.example", namespace: str = "http://wordpress.org/export/1.2/"
           ) -> bytes:
    return (HEADER.format(ns=namespace, site=site) + "".join(items) + FOOTER).encode()


def png(width: int = 800, height: int = 500) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


GUTENBERG = """<!-- wp:paragraph -->
<p>Die Lindra ist am Morgen über die Ufer getreten.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":11} -->
<figure class="wp-block-image"><img src="SITE/wp-content/uploads/2024/05/pegel-300x200.png" alt=""/></figure>
<!-- /wp:image -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=erfunden","type":"video","providerNameSlug":"youtube"} -->
<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=erfunden
</div></figure>
<!-- /wp:embed -->

<!-- wp:paragraph -->
<p>Die Feuerwehr hat Sandsäcke verteilt. [umfrage id="7"]</p>
<!-- /wp:paragraph -->"""

CLASSIC = """Am Dienstag tagte der Gemeinderat.
Es ging um die Brücke.

[caption id="attachment_11" align="alignnone" width="300"]<img src="SITE/wp-content/uploads/2024/05/pegel.png" \
alt="Pegel" width="300" height="200" /> Der Pegel am Morgen[/caption]

https://vimeo.com/123456

[embed]https://twitter.com/beispiel/status/1[/embed]

[video src="https://bote.example/wp-content/uploads/2024/05/film.mp4"]"""
