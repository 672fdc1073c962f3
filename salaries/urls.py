app_name = "salaries"
urlpatterns = []
