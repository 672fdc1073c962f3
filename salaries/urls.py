from django.urls import path

from . import views

app_name = "salaries"
urlpatterns = [
    path("", views.SalaryExplorerView.as_view(), name="explorer"),
    path("salaires.csv", views.SalaryCsvView.as_view(), name="csv"),
]
