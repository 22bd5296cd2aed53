from django.contrib.auth.decorators import login_not_required, permission_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from register.models import Debate, Document, Dossier


@login_not_required
@never_cache
def healthz(request):
    """200 when the database answers; the load balancer takes the server out otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "not healthy", whatever the backend says
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@permission_required("register.view_dossier", raise_exception=True)
def home(request):
    return render(request, "register/home.html", {
        "dossiers": Dossier.objects.all(),
        "documents": Document.objects.select_related("dossier")[:20],
        "debates": Debate.objects.select_related("committee", "dossier")[:20],
    })
