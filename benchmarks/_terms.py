"""Load the term list that both benchmark scripts use.

The term list is read from ``data/skills.csv`` (see ``data/README.md``). While that file
does not exist yet, a small temporary list with the same columns is used instead.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

__all__ = ["SKILLS_CSV", "load_terms", "terms_source"]

SKILLS_CSV = Path(__file__).resolve().parent.parent / "data" / "skills.csv"

# Temporary stand-in for data/skills.csv (same columns), used only while it is missing.
_FALLBACK_CSV = """\
skill_id,name,category,aliases,implies,match
python,Python,language,py|python3,,word
r,R,language,R language|RStudio,,case
go,Go,language,Golang,,case
c,C,language,ANSI C,,case
cpp,C++,language,cpp|c plus plus,,word
csharp,C#,language,c sharp|csharp,,word
fsharp,F#,language,f sharp,,word
dotnet,.NET,software_engineering,dotnet|.NET Core,,word
aspnet,ASP.NET,software_engineering,asp.net core,,word
java,Java,language,,,word
javascript,JavaScript,language,js|ecmascript,,word
typescript,TypeScript,language,ts,,word
scala,Scala,language,,,word
rust,Rust,language,,,case
julia,Julia,language,,,case
sql,SQL,language,structured query language,,word
tsql,T-SQL,database,transact-sql,,word
nodejs,Node.js,software_engineering,node|nodejs|node js,,word
react,React,software_engineering,React.js|ReactJS,,case
pytorch,PyTorch,ml_framework,torch|py torch,,word
tensorflow,TensorFlow,ml_framework,tf|tensor flow,,word
keras,Keras,ml_framework,,,word
jax,JAX,ml_framework,,,word
scikit_learn,scikit-learn,ml_framework,sklearn|scikit learn|scikit,,word
xgboost,XGBoost,ml_framework,,,word
lightgbm,LightGBM,ml_framework,,,word
pandas,pandas,data_library,,,word
numpy,NumPy,data_library,,,word
scipy,SciPy,data_library,,,word
polars,Polars,data_library,,,word
matplotlib,Matplotlib,bi_visualization,,,word
spark,Spark,data_engineering,Apache Spark|PySpark,,case
spark_streaming,Spark Streaming,data_engineering,Apache Spark Streaming,,word
kafka,Kafka,data_engineering,Apache Kafka,,word
airflow,Airflow,data_engineering,Apache Airflow,,word
dbt,dbt,data_engineering,data build tool,,word
hadoop,Hadoop,data_engineering,HDFS,,word
etl,ETL,data_engineering,ELT|extract transform load,,word
cuda,CUDA,ml_framework,,,word
docker,Docker,devops,,,word
kubernetes,Kubernetes,devops,k8s,,word
helm,Helm,devops,,,case
terraform,Terraform,devops,,,word
ci_cd,CI/CD,devops,CI CD|continuous integration|continuous delivery,,word
git,Git,software_engineering,GitHub|GitLab,,word
linux,Linux,devops,,,word
aws,AWS,cloud,Amazon Web Services,,word
gcp,GCP,cloud,Google Cloud|Google Cloud Platform,,word
azure,Azure,cloud,Microsoft Azure,,word
sagemaker,SageMaker,mlops,Amazon SageMaker,,word
mlflow,MLflow,mlops,,,word
ray,Ray,mlops,,,case
kubeflow,Kubeflow,mlops,,,word
excel,Excel,bi_visualization,Microsoft Excel|MS Excel,,case
tableau,Tableau,bi_visualization,,,word
power_bi,Power BI,bi_visualization,PowerBI,,word
looker,Looker,bi_visualization,,,word
postgresql,PostgreSQL,database,Postgres,,word
mysql,MySQL,database,,,word
mongodb,MongoDB,database,Mongo,,word
snowflake,Snowflake,database,,,word
bigquery,BigQuery,database,,,word
redis,Redis,database,,,word
machine_learning,machine learning,ml_concept,ML,,word
deep_learning,deep learning,ml_concept,DL,,word
nlp,NLP,nlp,natural language processing,,word
computer_vision,computer vision,cv,CV,,word
llm,large language models,genai,LLM|LLMs|large language model,,word
rag,RAG,genai,retrieval-augmented generation|retrieval augmented generation,,word
prompt_engineering,prompt engineering,genai,,,word
transformers,Transformers,nlp,Hugging Face Transformers|transformer models,,word
hugging_face,Hugging Face,genai,HuggingFace,,word
langchain,LangChain,genai,,,word
fine_tuning,fine-tuning,genai,fine tuning|finetuning,,word
pretraining,pre-training,genai,pretraining|pre-trained models|pretrained models,,word
ab_testing,A/B testing,statistics_math,A/B tests|AB testing|split testing,,word
statistics,statistics,statistics_math,statistical analysis,,word
linear_algebra,linear algebra,statistics_math,,,word
probability,probability,statistics_math,,,word
bayesian_statistics,Bayesian statistics,statistics_math,Bayesian inference,,word
causal_inference,causal inference,statistics_math,,,word
time_series,time series,statistics_math,time-series forecasting|forecasting,,word
data_visualization,data visualization,bi_visualization,data viz,,word
feature_engineering,feature engineering,ml_concept,,,word
reinforcement_learning,reinforcement learning,ml_concept,RL,,word
recommender_systems,recommender systems,ml_concept,recommendation systems|recsys,,word
mlops,MLOps,mlops,ML Ops,,word
data_modeling,data modeling,data_engineering,data modelling,,word
data_warehousing,data warehousing,data_engineering,data warehouse,,word
rest_api,REST APIs,software_engineering,REST|RESTful APIs|REST API,,word
microservices,microservices,software_engineering,micro-services,,word
system_design,system design,software_engineering,,,word
distributed_systems,distributed systems,software_engineering,,,word
unit_testing,unit testing,software_engineering,pytest|unit tests,,word
communication,communication,soft_skill,stakeholder communication,,word
experimentation,experimentation,statistics_math,experiment design,,word
opencv,OpenCV,cv,,,word
onnx,ONNX,mlops,,,word
triton,Triton,mlops,Triton Inference Server,,word
vector_databases,vector databases,genai,vector database|vector DB,,word
pinecone,Pinecone,genai,,,word
faiss,FAISS,genai,,,word
"""


def _read_rows() -> list[dict[str, str]]:
    if SKILLS_CSV.exists():
        with SKILLS_CSV.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    return list(csv.DictReader(io.StringIO(_FALLBACK_CSV)))


def terms_source() -> str:
    """Return a short description of where :func:`load_terms` reads its terms from."""
    return str(SKILLS_CSV) if SKILLS_CSV.exists() else "temporary built-in list"


def load_terms() -> list[tuple[str, str, bool]]:
    """Return the term list as ``(surface, key, case_sensitive)`` triples.

    Surfaces are each skill's name, its aliases and (for case-insensitive skills) its id
    with ``_`` replaced by a space, as ``rolefit.skills`` builds them. Rows whose ``match``
    is ``list`` are skipped: those skills are never looked for in free text.

    Returns
    -------
    list of tuple of (str, str, bool)
        Sorted, without duplicates.
    """
    terms: set[tuple[str, str, bool]] = set()
    for row in _read_rows():
        if row["match"] == "list":
            continue
        case = row["match"] == "case"
        surfaces = {row["name"], *(a for a in row["aliases"].split("|") if a)}
        if not case:
            surfaces.add(row["skill_id"].replace("_", " "))
        terms.update((s, row["skill_id"], case) for s in surfaces if s.strip())
    return sorted(terms)
