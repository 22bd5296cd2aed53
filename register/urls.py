from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from register import reference_views, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("healthz/<slug:name>", views.healthz_check, name="healthz-check"),
    path("termijn/uitleg/", views.period_preview, name="period-preview"),
    path("personen/samenvoegen/", views.person_merge_view, name="person-merge"),
    path("keuzes/<slug:kind>/", views.choices, name="choices"),
    path("debatten/nieuw/", reference_views.debate_create, name="debate-create"),
    path("personen/nieuw/", reference_views.person_create, name="person-create"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("account/feeds/", views.feed_settings, name="feed-settings"),
    path("account/e-mail/", views.email_settings, name="email-settings"),
    path("account/feeds/vernieuwen/", views.feed_token_renew, name="feed-renew"),
    path("account/feeds/intrekken/", views.feed_token_revoke, name="feed-revoke"),
    path("beheer/", admin.site.urls),
    path("", include("commitments.urls")),
    path("", include("legislation.urls")),
    path("", include("letters.urls")),
]

