from django.urls import path

from . import views

app_name = "interviews"
urlpatterns = [
    path("", views.QuestionBankView.as_view(), name="bank"),
    path("kit/<slug:slug>/", views.KitBuilderView.as_view(), name="kit"),
    path("annonce/<slug:slug>/", views.job_ad, name="job_ad"),
]
