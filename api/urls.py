from django.urls import path

from . import views

app_name = "api"
# `str`, not `slug`: an identifier that is no slug still gets the API's JSON 404.
urlpatterns = [
    path("api/", views.ReferenceView.as_view(), name="reference"),
    path("api/schema/", views.SchemaView.as_view(), name="schema"),
    path("api/v1/metiers/", views.RoleList.as_view(), name="role-list"),
    path("api/v1/metiers/<str:slug>/", views.RoleDetail.as_view(), name="role-detail"),
    path("api/v1/competences/", views.SkillList.as_view(), name="skill-list"),
    path("api/v1/competences/<str:slug>/", views.SkillDetail.as_view(), name="skill-detail"),
    path("api/v1/outils/", views.ToolList.as_view(), name="tool-list"),
    path("api/v1/formations/", views.TrainingList.as_view(), name="training-list"),
    path("api/v1/formations/<str:slug>/", views.TrainingDetail.as_view(), name="training-detail"),
    path("api/v1/salaires/", views.SalaryBandList.as_view(), name="salary-list"),
    path("api/v1/questions/", views.QuestionList.as_view(), name="question-list"),
    path("api/v1/etudes-de-cas/", views.CaseStudyList.as_view(), name="case-study-list"),
    path("api/v1/sources/", views.SourceList.as_view(), name="source-list"),
    path("api/v1/sources/<str:slug>/", views.SourceDetail.as_view(), name="source-detail"),
    path("donnees/", views.DownloadsView.as_view(), name="downloads"),
    path("donnees/fiches-metiers.zip", views.archive, name="archive"),
]
